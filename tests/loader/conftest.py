import pytest

from articles.services import parser_pool


@pytest.fixture
def started_pools(monkeypatch) -> list:
    """Worker pools start from two files on; the list records each pool started."""
    monkeypatch.setattr(parser_pool, "PARALLEL_FROM", 2)
    started = []
    real_pool = parser_pool.ProcessPoolExecutor

    def counting_pool(*args, **kwargs):
        started.append(args)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(parser_pool, "ProcessPoolExecutor", counting_pool)
    return started
