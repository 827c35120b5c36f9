# The two commands of the README's quick start. Each installs what is
# missing (Debian packages), configures and builds before it runs.
BUILD ?= build

.PHONY: run test build deps clean

run: build
	./$(BUILD)/src/crisis-room --demo

test: build
	@rm -f $(BUILD)/meson-logs/testlog.json; \
	status=0; meson test -C $(BUILD) --print-errorlogs --no-rebuild || status=$$?; \
	./build-aux/test-summary $(BUILD) && exit $$status

build: deps
	@if [ ! -f $(BUILD)/build.ninja ]; then meson setup $(BUILD); fi
	ninja -C $(BUILD)

deps:
	@./build-aux/deps

clean:
	rm -rf $(BUILD)
