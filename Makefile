# smartmeet — the two commands in the README are `make run` and `make test`; each installs
# what it needs on a fresh Debian machine with the Swift toolchain.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

DEB_PACKAGES := libsqlite3-dev libncursesw5-dev libcurl4-openssl-dev tmux python3 libopenblas-dev
# The extractor reads English word senses and lemmas from WordNet (Language/WordNet.swift).
DEB_PACKAGES += wordnet-base wordnet-sense-index
# scripts/real-model-test.sh: a venv, a C++ compiler to build llama.cpp, curl to wait for its server.
DEB_PACKAGES += python3-venv build-essential curl
BIN := .build/release/smartmeet
DEMO_DB ?= $(HOME)/.local/share/smartmeet/demo.db

.PHONY: deps build run demo test score-check bench clean

# Installs only what is missing, so a machine that has everything never waits on apt.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build -c release

# The sentence-embedding model search uses (scripts/install-model.sh); never fails the
# build: without pip or network it says so in one line and search falls back.
.PHONY: model
model:
	@scripts/install-model.sh

# Imports sample-meetings/ into a demo database and opens the app on it; without a
# terminal (a pipe, CI) it prints the entities and their timelines instead.
run: build model
	@rm -f "$(DEMO_DB)" "$(DEMO_DB)-wal" "$(DEMO_DB)-shm"
	$(BIN) --db "$(DEMO_DB)" ingest -q sample-meetings
	@if [ -t 0 ] && [ -t 1 ]; then exec $(BIN) --db "$(DEMO_DB)"; fi; \
	$(BIN) --db "$(DEMO_DB)" entities; echo; \
	$(BIN) --db "$(DEMO_DB)" entities | sed 's/ \[.*//' | while read -r name; do \
		$(BIN) --db "$(DEMO_DB)" timeline "$$name"; echo; done; \
	$(BIN) --db "$(DEMO_DB)" ask "what is blocked?"

# The stages (build, model, unit tests, scripts, bench, scorers) are listed in scripts/run-tests.sh;
# each one's output goes to .build/test-logs/, the terminal gets one line per stage.
test: deps
	@scripts/run-tests.sh

bench: build
	$(BIN) bench

clean:
	rm -rf .build
