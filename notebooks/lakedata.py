"""ノートブックからレイクを読むための小さな入口 / The notebooks' one way into the lake.

Only what a policy planner may read: de-identified tables (``deid.*``) and marts (``mart.*``); any other zone is
refused here, and Trino refuses it again by role. When ``./lake notebooks`` finds the SQL services up it passes
Trino's address and a planner's login in the environment, and every read goes through Trino (its role checks and
audit log apply). Otherwise the Iceberg catalog is read directly with PyIceberg, read-only.

Without ``./lake notebooks`` (a notebook opened in Jupyter by hand) the lake of this checkout is used:
``var/lake/catalog.db`` under the project folder, catalog ``lake``.
"""
import os
import re
from pathlib import Path

import pandas as pd

READABLE_ZONES = ("deid", "mart")
_TABLE = re.compile(r"^(deid|mart)\.([a-z][a-z0-9_]*)$")


class Lake:
    """A read-only view of the lake's published tables, through Trino or straight from the Iceberg catalog."""

    def __init__(self, make_reader, mode):
        self._make_reader = make_reader
        self._reader = None
        self.mode = mode

    @staticmethod
    def open():
        if os.environ.get("LAKE_TRINO_PORT"):
            return Lake(_TrinoReader, "trino")
        return Lake(_IcebergReader, "iceberg")

    def table(self, name):
        """The whole table as a pandas DataFrame; ``name`` is ``deid.<table>`` or ``mart.<table>``."""
        match = _TABLE.match(name)
        if not match:
            raise PermissionError(f"{name}: notebooks read only {', '.join(z + '.*' for z in READABLE_ZONES)} "
                                  "(de-identified tables and marts)")
        if self._reader is None:
            # Connected on the first permitted read, so a refused name never opens the lake.
            self._reader = self._make_reader()
        return self._reader.read(match.group(1), match.group(2))


class _TrinoReader:
    def __init__(self):
        import trino
        self._connection = trino.dbapi.connect(
            host=os.environ.get("LAKE_TRINO_HOST", "127.0.0.1"),
            port=int(os.environ["LAKE_TRINO_PORT"]),
            user=os.environ["LAKE_TRINO_USER"],
            catalog=os.environ.get("LAKE_CATALOG_NAME", "lake"),
            http_scheme="https",
            auth=trino.auth.BasicAuthentication(os.environ["LAKE_TRINO_USER"], os.environ["LAKE_TRINO_PASSWORD"]),
            verify=os.environ["LAKE_TRINO_CA"],
        )

    def read(self, zone, table):
        cursor = self._connection.cursor()
        # zone and table are checked against a strict pattern above; identifiers cannot be bound as parameters.
        cursor.execute(f'SELECT * FROM "{zone}"."{table}"')
        rows = cursor.fetchall()
        return pd.DataFrame(rows, columns=[column[0] for column in cursor.description])


class _IcebergReader:
    def __init__(self):
        from pyiceberg.catalog.sql import SqlCatalog
        project = Path(__file__).resolve().parent.parent
        warehouse = Path(os.environ.get("LAKE_WAREHOUSE", project / "var" / "lake"))
        uri = os.environ.get("LAKE_CATALOG_URI", "sqlite:///" + str(warehouse / "catalog.db"))
        if uri.startswith("sqlite:///") and not Path(uri[len("sqlite:///"):]).exists():
            raise FileNotFoundError(f"no lake at {warehouse}: run ./lake run first")
        self._catalog = SqlCatalog(os.environ.get("LAKE_CATALOG_NAME", "lake"), uri=uri, warehouse=warehouse.as_uri())

    def read(self, zone, table):
        return self._catalog.load_table((zone, table)).scan().to_pandas()
