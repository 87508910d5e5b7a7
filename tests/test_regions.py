import pytest

from netral.regions.models import Region


@pytest.mark.django_db
def test_all_provinces_and_regencies_are_loaded() -> None:
    assert Region.objects.provinces().count() == 38
    assert Region.objects.regencies().count() == 514
