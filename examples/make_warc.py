"""Build examples/warc/pages.warc.gz from the example HTML pages.

Run with:  .venv/bin/python examples/make_warc.py

The output is deterministic: record ids, dates and payloads are fixed, and
warcio's gzip members carry no timestamp, so rerunning leaves the file
byte-for-byte identical.

Records written, in order:
  1. warcinfo
  2. request  (GET for the first page)
  3. response (text/html) for each page in examples/html/, with
     WARC-Target-URI = the page's <link rel="canonical"> URL
  4. response (image/png) for a 1x1 image -- readers should skip it
"""

import re
import struct
import uuid
import zlib
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
HTML_DIR = HERE / "html"
OUT = HERE / "warc" / "pages.warc.gz"
WARC_DATE = "2024-12-01T12:00:00Z"
HTTP_DATE = "Sun, 01 Dec 2024 12:00:00 GMT"
NS = uuid.UUID("6f1c2d4e-0000-4000-8000-6e6577737072")  # fixed namespace for record ids


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NS, name)}>"


def canonical_url(page: str) -> str:
    m = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    if not m:
        raise SystemExit("no canonical link found")
    return m.group(1)


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    idat = zlib.compress(b"\x00\xcc\x22\x22", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def main() -> None:
    pages = sorted(HTML_DIR.glob("*.html"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="WARC/1.0")

        info = (
            b"software: newsprism examples/make_warc.py (warcio)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: Example pages for newsprism tests. Fictional articles, CC0.\r\n"
        )
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Record-ID": record_id("warcinfo"),
                    "WARC-Date": WARC_DATE,
                    "WARC-Filename": OUT.name,
                },
            )
        )

        for i, path in enumerate(pages):
            body = path.read_bytes()
            url = canonical_url(body.decode("utf-8"))
            host = url.split("/")[2]
            target = "/" + url.split("/", 3)[3]
            if i == 0:
                req_headers = StatusAndHeaders(
                    f"GET {target} HTTP/1.1",
                    [
                        ("Host", host),
                        ("User-Agent", "newsprism-example/1.0"),
                        ("Accept", "text/html,application/xhtml+xml"),
                    ],
                    is_http_request=True,
                )
                writer.write_record(
                    writer.create_warc_record(
                        url,
                        "request",
                        payload=BytesIO(b""),
                        length=0,
                        http_headers=req_headers,
                        warc_headers_dict={
                            "WARC-Record-ID": record_id("request:" + url),
                            "WARC-Date": WARC_DATE,
                            "WARC-Concurrent-To": record_id("response:" + url),
                        },
                    )
                )
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Date", HTTP_DATE),
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                ],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=http_headers,
                    warc_headers_dict={
                        "WARC-Record-ID": record_id("response:" + url),
                        "WARC-Date": WARC_DATE,
                    },
                )
            )

        png = tiny_png()
        img_url = "https://www.northern-ledger.example/img/2024/03/glenbrae-first-train.png"
        writer.write_record(
            writer.create_warc_record(
                img_url,
                "response",
                payload=BytesIO(png),
                length=len(png),
                http_headers=StatusAndHeaders(
                    "200 OK",
                    [
                        ("Date", HTTP_DATE),
                        ("Content-Type", "image/png"),
                        ("Content-Length", str(len(png))),
                    ],
                    protocol="HTTP/1.1",
                ),
                warc_headers_dict={
                    "WARC-Record-ID": record_id("response:" + img_url),
                    "WARC-Date": WARC_DATE,
                },
            )
        )
    print("wrote", OUT.relative_to(HERE.parent), OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
