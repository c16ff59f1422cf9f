# The two commands: `make run` and `make test`. Both install what they need
# (tools/bootstrap), build in Release and are safe to run again.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test build deps bench clean

run: build
	@mkdir -p out
	./$(BUILD)/referat extract corpus -o out --summary

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

deps:
	tools/bootstrap

bench: build
	tools/bench

clean:
	rm -rf $(BUILD) out
