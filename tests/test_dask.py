"""vnnews.dask on a real distributed LocalCluster with two worker processes."""
import sys

import pytest

from vnnews import Article, parse_article

TEXTS = [
    "Giá xăng giảm 500 đồng/lít\n\nNgày 12/3/2024\n\nTừ 15h chiều nay, giá xăng RON 95 giảm 500 đồng.",
    "Đà Nẵng đón 1,2 triệu lượt khách\n\nLượng khách tăng 15% so với cùng kỳ năm trước.",
    "Mưa lớn ở miền Trung\n\nLượng mưa phổ biến 100-200 mm, có nơi trên 300 mm.",
]


def test_clear_message_without_dask(monkeypatch):
    from vnnews import dask as vnnews_dask

    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes `import dask.bag` fail
    with pytest.raises(ImportError, match=r"pip install 'vnnews\[dask\]'"):
        vnnews_dask.parse_bag([])


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def test_parse_bag(client):
    import dask.bag as db
    from vnnews.dask import parse_bag

    bag = db.from_sequence(TEXTS + [None], npartitions=2)
    records = parse_bag(bag, tokenize=False).compute()
    assert len(client.scheduler_info()["workers"]) == 2
    assert [Article.from_dict(r) for r in records[:3]] == [parse_article(t, tokenize=False) for t in TEXTS]
    assert [w["code"] for w in records[3]["warnings"]] == ["parse_error"]


def test_parse_dataframe(client):
    import dask.dataframe as dd
    import pandas as pd
    from vnnews.dask import parse_dataframe

    frame = pd.DataFrame({"doc": ["d%d" % i for i in range(3)], "body": TEXTS})
    result = parse_dataframe(dd.from_pandas(frame, npartitions=2), text_column="body").compute()
    assert list(result["doc"]) == ["d0", "d1", "d2"]
    for number, text in enumerate(TEXTS):
        article = parse_article(text)
        assert Article.from_json(result["article"].iloc[number]) == article
        assert result["title"].iloc[number] == article.title
        assert result["published"].iloc[number] == (article.published.isoformat() if article.published else None)
    with pytest.raises(ValueError, match="title"):
        parse_dataframe(dd.from_pandas(frame.assign(title="x"), npartitions=1), text_column="body")


def test_reference_reaches_the_workers(client):
    import datetime as dt

    import dask.bag as db
    from vnnews.dask import parse_bag

    undated = "Người dân đổ về trung tâm\n\nHôm qua, 300 khách đã vào hội chợ."
    (record,) = parse_bag(db.from_sequence([undated], npartitions=1), tokenize=False,
                          reference=dt.date(2024, 3, 12)).compute()
    assert record["dates"][0]["value"] == "2024-03-11"
    assert Article.from_dict(record) == parse_article(undated, tokenize=False, reference=dt.date(2024, 3, 12))
