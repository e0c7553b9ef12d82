"""Compiled templates are reused only when compiled under the same options."""

import jinja2
import pytest

from site_base.settings import SettingsError
from theme_support.compiled import ThemeBytecodeCache, compiler_options
from theme_support.settings import load_settings


def _environment(**options):
    return jinja2.Environment(
        loader=jinja2.DictLoader({"t.html": "{{ x }}"}), **options
    )


def test_the_same_options_give_the_same_key():
    assert compiler_options(_environment(autoescape=True)) == compiler_options(
        _environment(autoescape=True)
    )


def test_other_options_or_extensions_give_another_key():
    base = compiler_options(_environment(autoescape=True))
    assert compiler_options(_environment(autoescape=False)) != base
    assert compiler_options(_environment(autoescape=True, trim_blocks=True)) != base
    with_i18n = _environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    assert compiler_options(with_i18n) != base


def test_a_template_compiled_once_is_loaded_from_the_cache(tmp_path):
    first = _environment(
        autoescape=True, bytecode_cache=ThemeBytecodeCache(str(tmp_path))
    )
    assert first.get_template("t.html").render(x="<b>") == "&lt;b&gt;"
    assert len(list(tmp_path.iterdir())) == 1
    # Another environment with other options compiles its own.
    other = _environment(
        autoescape=False, bytecode_cache=ThemeBytecodeCache(str(tmp_path))
    )
    assert other.get_template("t.html").render(x="<b>") == "<b>"
    assert len(list(tmp_path.iterdir())) == 2


def test_the_templates_cache_is_beside_content_unless_a_folder_is_given(tmp_path):
    content = tmp_path / "site" / "content"
    default = load_settings({"PATH": str(content)})
    assert default.templates_cache == tmp_path / "site" / ".cache" / "templates"
    shared = load_settings(
        {"PATH": str(content), "THEME_SUPPORT": {"templates_cache": str(tmp_path)}}
    )
    assert shared.templates_cache == tmp_path


@pytest.mark.parametrize("folder", ["", "  ", 3, None])
def test_a_templates_cache_that_is_no_folder_is_refused(folder):
    with pytest.raises(SettingsError, match="templates_cache"):
        load_settings({"PATH": "content", "THEME_SUPPORT": {"templates_cache": folder}})
