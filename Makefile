# Mobilise: the two commands a newcomer needs are `make run` and `make test`.
BUILD        ?= build
BUILD_BENCH  ?= build-release
BUILD_ASAN   ?= build-asan
BUILD_FUZZ   ?= build-fuzz
FUZZ_SECONDS ?= 180
DB           ?= data/mobilise.db
LISTEN       ?= 127.0.0.1:8080
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MOBILISE     := $(BUILD)/apps/mobilise/mobilise

DEBIAN_PACKAGES := g++ cmake ninja-build ccache pkg-config make \
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev \
  libsqlite3-dev sqlite3 libpq-dev postgresql \
  libxlsxwriter-dev libzip-dev libexpat1-dev libpugixml-dev \
  libpango1.0-dev libcairo2-dev libgdk-pixbuf-2.0-dev fonts-noto-core \
  libsodium-dev libssl-dev libexpected-dev zlib1g-dev \
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev \
  libgtest-dev libgmock-dev libbenchmark-dev \
  wrk hyperfine chromium poppler-utils python3 python3-venv zip unzip bc curl clang-format \
  clang libfuzzer-14-dev

.PHONY: deps deps-debian deps-npm deps-pyxform build build-server build-web run test bench clean format format-check \
  size-check build-checked test-checked build-fuzz fuzz

deps: deps-debian deps-npm deps-pyxform

# Installs only what is missing, so a second run is quick.
deps-debian:
	@missing=$$(dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' $(DEBIAN_PACKAGES) 2>/dev/null \
	  | awk '$$1=="ii"{print $$2}' | sort > /tmp/mobilise-have.$$$$; \
	  for p in $(DEBIAN_PACKAGES); do grep -qx "$$p" /tmp/mobilise-have.$$$$ || echo $$p; done; \
	  command -v node >/dev/null && command -v npm >/dev/null || echo nodejs npm; \
	  rm -f /tmp/mobilise-have.$$$$); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

deps-npm: web/node_modules/.installed tests/node_modules/.installed

# pyxform converts uploaded XLSForms: pip installs it into a venv in the build directory
# ($(BUILD)/pyxform; the server's tools/xlsform/xls2xform finds it through MOBILISE_PYXFORM_VENV).
# Where pip cannot reach its package index, the install is noted and not retried (remove the
# directory to retry), and the standard-library converter tools/xlsform/xls2xform.py is used.
PYXFORM_VENV ?= $(abspath $(BUILD))/pyxform
PYXFORM      ?= pyxform==4.5.0
deps-pyxform: $(PYXFORM_VENV)/.tried

$(PYXFORM_VENV)/.tried:
	@python3 -m venv $(PYXFORM_VENV) && \
	  if $(PYXFORM_VENV)/bin/pip install -q --disable-pip-version-check --timeout 15 --retries 1 \
	    '$(PYXFORM)' >$(PYXFORM_VENV)/install.log 2>&1; then echo "deps-pyxform: $(PYXFORM) installed"; \
	  else echo "deps-pyxform: pyxform could not be installed (see $(PYXFORM_VENV)/install.log);" \
	    "XLSForms are converted by tools/xlsform/xls2xform.py"; fi; \
	  touch $@

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

tests/node_modules/.installed: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund
	touch $@

build: deps build-server build-web

build-server:
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug
	cmake --build $(BUILD)

build-web: deps-npm
	cd web && npm run build

run: build
	@mkdir -p data
	@if [ -f $(DB) ]; then $(MOBILISE) demo-logins; \
	 else $(MOBILISE) --database sqlite:$(DB) demo --households 2000 --seed 1; fi
	MOBILISE_PYXFORM_VENV=$(PYXFORM_VENV) $(MOBILISE) --database sqlite:$(DB) serve --listen $(LISTEN) --web-root web/dist --data-dir data

# Every test of the tree. CHECKED=1 adds the same unit and API tests again under the sanitizers
# and the fuzz corpora replayed (test-checked). Off by default until the checked run has been seen
# green whole and its ~20 minutes of cold build fit CI's budget (docs/testing.md).
CHECKED ?= 0
test: build format-check size-check
	cd $(BUILD) && ctest --output-on-failure -j2 --timeout 900
	@if [ "$(CHECKED)" != 0 ]; then $(MAKE) test-checked; fi

# The checked build, $(BUILD_ASAN): GCC with AddressSanitizer (LeakSanitizer on) and
# UndefinedBehaviorSanitizer on everything, any report fatal (CMakeLists.txt, MOBILISE_SANITIZE).
# Its unit tests (SQLite and PostgreSQL) and API tests (the server binary instrumented) must pass
# with no sanitizer report: reports are written to files, printed, and fail the run even when the
# process that made one did not fail a test (a server's leak at exit). Its fuzz tests replay each
# committed corpus of fuzz/ and FUZZ_TEST_RUNS inputs mutated from it (fuzz/replay_main.cpp).
# Leaks of third-party libraries we cannot fix are suppressed by name in tools/sanitizers/lsan.supp.
SANITIZER_REPORTS = $(abspath $(BUILD_ASAN))/sanitizer-reports
CHECKED_LABELS   ?= unit|api|fuzz
CHECKED_ENV = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:check_initialization_order=1:log_path=$(SANITIZER_REPORTS)/asan \
  LSAN_OPTIONS=suppressions=$(abspath tools/sanitizers/lsan.supp):print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(SANITIZER_REPORTS)/ubsan

build-checked: deps
	@[ -f $(BUILD_ASAN)/build.ninja ] || cmake -S . -B $(BUILD_ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DMOBILISE_SANITIZE=ON
	cmake --build $(BUILD_ASAN)
	@ln -sfn $(PYXFORM_VENV) $(BUILD_ASAN)/pyxform  # the API tests' XLSForm converter

test-checked: build-checked
	@rm -rf $(SANITIZER_REPORTS) && mkdir -p $(SANITIZER_REPORTS)
	@cd $(BUILD_ASAN) && $(CHECKED_ENV) ctest --output-on-failure -j2 --timeout 1800 -L '$(CHECKED_LABELS)'; \
	  status=$$?; \
	  if [ -n "$$(ls -A $(SANITIZER_REPORTS))" ]; then \
	    cat $(SANITIZER_REPORTS)/*; echo "test-checked: sanitizer reports in $(SANITIZER_REPORTS)"; exit 1; \
	  fi; exit $$status

# The fuzzing build, $(BUILD_FUZZ): clang with libFuzzer, ASan and UBSan, only the fuzz targets and
# the libraries they link. `make fuzz` runs each target for FUZZ_SECONDS, growing
# $(BUILD_FUZZ)/fuzz-corpus from fuzz/corpus; what it finds is in $(BUILD_FUZZ)/fuzz-findings
# (make each one a unit test, then fix it; replay one with `$(BUILD_ASAN)/fuzz/fuzz_<target> FILE`).
build-fuzz: deps
	@[ -f $(BUILD_FUZZ)/build.ninja ] || cmake -S . -B $(BUILD_FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_COMPILER=clang++ -DMOBILISE_FUZZ=ON
	cmake --build $(BUILD_FUZZ) --target fuzz_targets

fuzz: build-fuzz
	fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

# clang-format owns the C++ (.clang-format), Prettier the web app and the JavaScript tests
# (.prettierrc.json). The tree-wide reformat is listed in .git-blame-ignore-revs.
CXX_SOURCES = $(shell git ls-files '*.cpp' '*.hpp' '*.h')
PRETTIER    = web/node_modules/.bin/prettier --ignore-path .prettierignore

format: deps
	@clang-format -i $(CXX_SOURCES)
	$(PRETTIER) --write --log-level warn web tests

format-check: deps
	@clang-format --dry-run -Werror $(CXX_SOURCES)
	@$(PRETTIER) --check --log-level warn web tests || \
	  { echo "format-check: run 'make format'"; exit 1; }
	@echo "format-check: clean"

# The house limits: no C++ file over 500 lines, no function over 80 (tests aside).
size-check:
	@python3 tools/check_sizes.py src apps

bench: deps build-web
	@[ -f $(BUILD_BENCH)/build.ninja ] || cmake -S . -B $(BUILD_BENCH) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_BENCH)
	bench/run.sh $(BUILD_BENCH)/apps/mobilise/mobilise

clean:
	rm -rf $(BUILD) $(BUILD_BENCH) $(BUILD_ASAN) $(BUILD_FUZZ) web/dist
