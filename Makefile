# The two commands: `make run` and `make test`. Both install what they need
# (tools/bootstrap), build in Release and are safe to run again. `make test`
# runs the suite twice: the Release build, then an AddressSanitizer +
# UndefinedBehaviorSanitizer build of the same suite (`make test-sanitize`
# alone runs only the second).
BUILD ?= build
ASAN_BUILD ?= $(BUILD)-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test test-release test-sanitize build deps bench clean

# Also builds out/archive.db (the corpus and, beside the clone, the real
# documents in ../shared/corpus/real) for `referat serve`. Ingest exits 1
# when some files fail (the real corpus has damaged and scanned files on
# purpose); they are listed and the rest is stored.
REAL_CORPUS := $(wildcard ../shared/corpus/real)
run: build
	@mkdir -p out
	./$(BUILD)/referat extract corpus -o out --summary
	./$(BUILD)/referat ingest corpus $(REAL_CORPUS) --db out/archive.db --quiet || test $$? -eq 1
	@echo "Browse it: ./$(BUILD)/referat serve --db out/archive.db   (then open the printed URL)"

test: test-release test-sanitize

test-release: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# -O1 keeps the sanitized build quick to compile and its stack traces exact;
# any report aborts the test (-fno-sanitize-recover), so a clean run is green.
test-sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
	  -DREFERAT_SANITIZE=ON -DREFERAT_BUILD_BENCHMARKS=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

deps:
	tools/bootstrap

bench: build
	tools/bench

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
