"""The GeoNames index cache: whatever is found at its path, the index comes out whole."""

from bilan.resolve import gazetteer


def test_a_corrupt_cache_is_rebuilt_and_replaced(tmp_path, monkeypatch):
    # Regression: a truncated index (written by two processes at once) raised
    # UnicodeDecodeError in every process that read it, and the server's solvers died.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer._cities.cache_clear()
    try:
        source = gazetteer._source_path()
        stamp = (f"{gazetteer._INDEX_VERSION}-{source.stat().st_size}-"
                 f"{int(source.stat().st_mtime)}")
        path = tmp_path / "bilan" / f"cities-{stamp}.pickle"
        path.parent.mkdir()
        path.write_bytes(b"\x80\x05\x95\x94\xff\xfe not a pickle")
        cities = gazetteer._cities()
        assert len(cities.lat) > 100_000
        gazetteer._cities.cache_clear()
        assert len(gazetteer._cities().lat) == len(cities.lat)  # read back from the new cache
        assert not list(path.parent.glob("*.tmp"))
    finally:
        gazetteer._cities.cache_clear()
