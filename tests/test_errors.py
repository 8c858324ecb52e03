import pytest

import geo.errors as errors
from geo.errors import EXIT_CODES, IncidentmapError

SUBCLASSES = [errors.InputError, errors.GazetteerError, errors.PlaceNotFound, errors.ExportError,
              errors.BrowserNotFound]
BUILTINS = {errors.InputError: ValueError, errors.GazetteerError: OSError,
            errors.PlaceNotFound: LookupError, errors.ExportError: OSError,
            errors.BrowserNotFound: FileNotFoundError}


@pytest.mark.parametrize("cls", SUBCLASSES)
def test_every_error_is_ours_and_a_builtin(cls):
    exc = cls("x") if cls is not errors.PlaceNotFound else cls("x", ["y"])
    assert isinstance(exc, IncidentmapError)
    assert isinstance(exc, BUILTINS[cls])
    assert EXIT_CODES[cls.__name__] == cls.exit_code


def test_exit_codes_are_distinct():
    codes = [cls.exit_code for cls in SUBCLASSES]
    assert len(set(codes)) == len(codes)
    assert not {0, 1, 2} & set(codes)


def test_all_subclasses_listed():
    found = {c for c in vars(errors).values()
             if isinstance(c, type) and issubclass(c, IncidentmapError) and c is not IncidentmapError}
    assert found == set(SUBCLASSES)


def test_place_not_found_message_has_suggestions():
    exc = errors.PlaceNotFound("Gawdr", ["Gwadar (PK)"])
    assert "Gawdr" in str(exc) and "Gwadar (PK)" in str(exc)
