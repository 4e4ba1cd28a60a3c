"""The local layer's data files as the loader reads them: places/ and local/ (content.datafiles)."""
import shutil

import pytest
import yaml

from content import datafiles


def test_every_local_guide_names_tasks_of_the_checklist():
    tasks = yaml.safe_load((datafiles.DATA_DIR.parent.parent / "guides" / "data" / "tasks.yaml").read_text())
    keys = {task["key"] for task in (tasks["tasks"] if isinstance(tasks, dict) else tasks)}
    data = datafiles.read()
    assert data.local_guides
    for guide in data.local_guides:
        assert set(guide["tasks"]) <= keys, guide["key"]


def test_places_come_regions_first_and_every_municipality_has_its_region():
    data = datafiles.read()
    codes = [str(place["place"]) for place in data.places]
    assert {"1480", "0180", "1280", "2480", "14", "01", "12", "24"} <= set(codes)
    regions = [code for code in codes if len(code) == 2]
    assert codes[:len(regions)] == regions
    assert all(code[:2] in regions for code in codes if len(code) == 4)


@pytest.fixture
def data_copy(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(datafiles.DATA_DIR, root)
    return root


def _edit(path, change):
    item = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(item)
    path.write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(("file", "change", "message"), [
    ("places/goteborg.yaml", lambda item: item.update(place="9999"), "unknown place code"),
    ("places/goteborg.yaml", lambda item: item.update(owner="stockholm"), "is not the agencies.yaml entry"),
    ("local/goteborg-preschool.yaml", lambda item: item.update(owner="stockholm"), "is not its place's owner"),
    ("local/goteborg-preschool.yaml", lambda item: item.update(place="2584"), "has no file in places/"),
    ("local/goteborg-preschool.yaml", lambda item: item.update(tasks=[]), "no checklist tasks"),
    ("local/goteborg-preschool.yaml", lambda item: item.update(key="other"), "differs from the file name"),
])
def test_a_broken_place_or_local_file_is_named_with_its_problem(data_copy, file, change, message):
    _edit(data_copy / file, change)
    with pytest.raises(datafiles.ContentDataError, match=message) as error:
        datafiles.read(data_copy)
    assert file.split("/")[-1] in str(error.value)


def test_a_municipality_without_its_regions_file_is_refused(data_copy):
    (data_copy / "places" / "vastra-gotaland.yaml").unlink()
    for path in (data_copy / "local").glob("vastra-gotaland-*.yaml"):
        path.unlink()
    with pytest.raises(datafiles.ContentDataError, match="its region '14' has no file"):
        datafiles.read(data_copy)


def test_the_fingerprint_covers_the_local_files(data_copy):
    before = datafiles.fingerprint(data_copy)
    _edit(data_copy / "local" / "goteborg-preschool.yaml", lambda item: item["en"].update(title="Changed"))
    assert datafiles.fingerprint(data_copy) != before
