# ladder: build, run, test. `make help` lists the targets.

BIN         := bin/ladder
PKG         := github.com/ladderhq/ladder
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
REVISION    ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS     := -X $(PKG)/internal/buildinfo.version=$(VERSION) -X $(PKG)/internal/buildinfo.revision=$(REVISION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GO          ?= go

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: build
build: ## Build bin/ladder with the version stamped in
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

.PHONY: run
run: build ## Build, then start an interactive assessment on the built-in rubric
	$(BIN) assess

.PHONY: test
test: fmt-check vet staticcheck ## gofmt check, go vet, staticcheck, and every test with the race detector
	$(GO) test -race ./...

.PHONY: fmt-check
fmt-check: ## Fail if any Go file is not gofmt-formatted
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

.PHONY: vet
vet: ## go vet
	$(GO) vet ./...

.PHONY: staticcheck
staticcheck: ## staticcheck, pinned, through go run
	$(GO) run $(STATICCHECK) ./...

.PHONY: lint
lint: fmt-check vet staticcheck ## Every static check, without the tests

.PHONY: bench
bench: ## Run every benchmark (each beside its baseline)
	$(GO) test -run '^$$' -bench . -benchmem ./...

FUZZTIME ?= 30s
.PHONY: fuzz
fuzz: ## Run each fuzz target for FUZZTIME (default 30s)
	@for target in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
		for fn in $$(grep -h '^func Fuzz' $$target/*_test.go | sed 's/func \(Fuzz[A-Za-z]*\).*/\1/'); do \
			echo "== $$target $$fn"; \
			$(GO) test $$target -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) || exit 1; \
		done; \
	done

.PHONY: docs
docs: ## Regenerate the man pages and Markdown reference in docs/ from the command tree
	$(GO) run ./internal/docgen/gendocs docs

.PHONY: generate
generate: ## Recompile the built-in rubric from data/gitlab-backend-engineer.yaml
	$(GO) generate ./data

.PHONY: update
update: ## Regenerate golden files and test-script output (review the diff!)
	$(GO) test ./... -update

.PHONY: install
install: ## Install ladder into $(shell go env GOPATH)/bin
	$(GO) install -ldflags "$(LDFLAGS)" .

.PHONY: clean
clean: ## Remove build output
	rm -rf bin
