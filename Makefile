# Vendor Risk — the commands the README promises.
PY ?= .venv/bin/python
VENV_STAMP = .venv/.installed
PLUGIN = vendor_risk
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: setup deps demo test test-other-release test-sid lint bench package clean translations \
	update-translations

# Debian/Ubuntu system packages, listed in .ci/packages (QGIS 3.22+, its Python bindings, GDAL,
# pandas, openpyxl, xvfb, Qt's lrelease and PyQt's pylupdate5 for the translations, PostgreSQL +
# PostGIS and psycopg2 for the PostGIS tests).
deps:
	sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	  --no-install-recommends $$(grep -v '^#' .ci/packages) >/dev/null

$(VENV_STAMP): requirements-dev.txt
	/usr/bin/python3 -m venv --system-site-packages .venv
	.venv/bin/pip install -q -r requirements-dev.txt
	touch $@

setup: $(VENV_STAMP)

# The demo needs only the system packages (no package index): ./vendor-risk uses .venv when it
# exists, else Debian's Python.
demo:
	./vendor-risk demo

test: $(VENV_STAMP) translations
	$(PY) -m pytest -q tests
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

# The second leg of CI by hand: the suite in a fresh debootstrap chroot of the other Debian
# release (12 <-> 13), or of sid (QGIS 3.44). Needs root (or password-less sudo) and the network.
test-other-release:
	sh .ci/other-release

test-sid:
	sh .ci/other-release sid

lint: $(VENV_STAMP)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

bench: $(VENV_STAMP)
	$(PY) bench/run_all.py

# French (and any other) translations: i18n/*.ts are committed, the .qm files are built.
TS_FILES = $(wildcard i18n/*.ts)
QM_FILES = $(TS_FILES:.ts=.qm)
LRELEASE ?= $(shell command -v lrelease || echo /usr/lib/qt5/bin/lrelease)

i18n/%.qm: i18n/%.ts
	$(LRELEASE) -silent $< -qm $@

translations: $(QM_FILES)

# After changing user-facing strings: refresh the .ts files, then translate what is new.
update-translations:
	LC_ALL=C.UTF-8 pylupdate5 -noobsolete i18n/vendor_risk.pro

package: translations
	rm -rf build && mkdir -p build
	git archive --format=zip --prefix=$(PLUGIN)/ -o build/$(PLUGIN)-$(VERSION).zip \
	  $(foreach qm,$(QM_FILES),--prefix=$(PLUGIN)/i18n/ --add-file=$(qm)) --prefix=$(PLUGIN)/ HEAD
	@echo build/$(PLUGIN)-$(VERSION).zip

clean:
	rm -rf build out .pytest_cache
