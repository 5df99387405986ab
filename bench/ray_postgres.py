"""Ray into PostgreSQL against the local path into SQLite, on the same BBC articles: prints
whether both stores hold the same article ids and the same JSON (facts and KB ids).

    .venv/bin/python bench/ray_postgres.py [--n 60] [--workers 2]

Needs the ray and postgres extras, Debian's PostgreSQL (a throwaway server is started as the
tests do, tests/pg_server.py) and ../shared/corpora/bbc.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60, help="how many BBC articles (default 60)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import pg_server
    from newsgraph import api
    from newsgraph.engines.ray import RayEngine
    from newsgraph.settings import Settings

    bbc = ROOT.parent / "shared" / "corpora" / "bbc"
    files = [str(p) for p in sorted(bbc.rglob("*.txt"))[: args.n]]
    local = api.open_store(Path(tempfile.mkdtemp()) / "local.db")
    api.ingest(files, local, Settings())
    with pg_server.server() as url:
        pg = api.open_store(pg_server.fresh_schema(url))
        engine = RayEngine(Settings(), workers=args.workers, known_db=pg.path)
        api.ingest(files, pg, Settings(workers=args.workers), engine=engine)
        ours = {a.id: a.to_dict() for a in local.iter_articles()}
        theirs = {a.id: a.to_dict() for a in pg.iter_articles()}
        pg.close()
    print(f"{len(files)} BBC files: local/SQLite {len(ours)}, Ray/PostgreSQL {len(theirs)}")
    print(f"same ids: {ours.keys() == theirs.keys()}; same JSON (facts, KB ids): {ours == theirs}")


if __name__ == "__main__":
    main()
