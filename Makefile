# The two commands of the README's quick start. Each installs what is
# missing (Debian packages), configures and builds before it runs.
BUILD ?= build

.PHONY: run test build deps clean

run: build
	./$(BUILD)/src/crisis-room --demo

test: build
	@status=0; meson test -C $(BUILD) --print-errorlogs --no-rebuild || status=$$?; \
	./tools/test-summary $(BUILD) && exit $$status

build: deps
	@if [ ! -f $(BUILD)/build.ninja ]; then meson setup $(BUILD); fi
	ninja -C $(BUILD)

deps:
	@./tools/deps

clean:
	rm -rf $(BUILD)
