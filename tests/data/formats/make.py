"""Render the invented releases of this folder to .txt, .html and .pdf, and
write the hostile PDFs the tests read. Outputs are committed; rerun after a
change with ``.venv/bin/python tests/data/formats/make.py`` (needs fpdf2,
which is not a runtime or test dependency, and the DejaVu fonts).

    txt/<id>.txt    one paragraph per line, blank line between paragraphs
    html/<id>.html  a wire-service-like page: navigation, scripts, styles,
                    comments, a cookie banner, entities, a footer
    pdf/<id>.pdf    A4, wrapped paragraphs, bold headline
    hostile/        encrypted.pdf, scanned.pdf (vector drawing, no text),
                    malformed.pdf (truncated), bomb.pdf (a content stream
                    that inflates to 1 GiB through two Flate filters)

All names are invented.
"""
from __future__ import annotations

import html
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

RELEASES: dict[str, list[tuple[str, str]]] = {
    "acme-oncology-2024-02-12": [
        ("h1", "Acme Oncology Announces Positive Phase 2 Results for Zelatinib in Relapsed Ovarian Cancer"),
        ("p", "BOSTON, Feb. 12, 2024 (GLOBE NEWSWIRE) -- Acme Oncology, Inc. (Nasdaq: ACMO), a clinical-stage "
              "biotechnology company developing targeted therapies for women's cancers, today announced positive "
              "topline results from its Phase 2 ZEPHYR-2 trial of zelatinib (ACM-101) in patients with platinum-"
              "resistant ovarian cancer."),
        ("p", "The trial enrolled 84 patients who received zelatinib 200 mg orally once daily. The objective "
              "response rate (ORR) was 38% and the median progression-free survival (mPFS) was 6.4 months. The "
              "disease control rate was 71%."),
        ("p", "In January 2024, the U.S. Food and Drug Administration (FDA) granted Fast Track designation to "
              "zelatinib for the treatment of platinum-resistant ovarian cancer."),
        ("p", "\u201cThese results support moving zelatinib into a registrational study,\u201d said Maria "
              "Okafor, M.D., Chief Medical Officer of Acme Oncology."),
        ("h2", "About Zelatinib"),
        ("p", "Zelatinib (ACM-101) is an investigational oral inhibitor of the kinase WEE9. It is not approved "
              "in any country."),
        ("h2", "About Acme Oncology"),
        ("p", "Acme Oncology, Inc. is a clinical-stage biotechnology company based in Boston, Massachusetts."),
        ("h2", "Forward-Looking Statements"),
        ("p", "This press release contains forward-looking statements, including statements about a Phase 3 "
              "trial of zelatinib in 2025. Actual results may differ materially."),
        ("h2", "Contacts"),
        ("p", "Jordan Reyes, Investor Relations, ir@acme-oncology.example"),
    ],
    "borealis-bio-2023-09-05": [
        ("h1", "Borealis Bio Receives Orphan Drug Designation for BRL-7 in Acute Myeloid Leukemia"),
        ("p", "OSLO, Norway, Sept. 5, 2023 (GLOBE NEWSWIRE) -- Borealis Bio ASA (OSE: BORB) today announced that "
              "the FDA has granted Orphan Drug Designation to BRL-7, its first-in-class antibody, for the "
              "treatment of acute myeloid leukemia (AML)."),
        ("p", "BRL-7 is being evaluated in the Phase 1b NORDLYS trial. In 24 evaluable patients treated at "
              "10 mg/kg, the complete remission rate was 29% and the median overall survival was 9.1 months."),
        ("p", "\u201cOrphan Drug Designation recognises the need for new options in AML,\u201d said Henrik "
              "Aalberg, Ph.D., Chief Executive Officer of Borealis Bio."),
        ("h2", "About Borealis Bio"),
        ("p", "Borealis Bio ASA is a biotechnology company headquartered in Oslo, Norway."),
    ],
}

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Example Newswire</title>
<style>body {{ font-family: sans-serif; }} .ad::after {{ content: "Advertisement"; }}</style>
<script>window.dataLayer = [{{"event": "release &amp; view"}}]; document.write("<p>tracking</p>");</script>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle"}}</script>
</head>
<body>
<header class="site"><a href="/">Example Newswire</a> <nav><a href="/news">News</a> | <a href="/about">About</a></nav></header>
<div class="cookie" hidden>We use cookies. <button>Accept</button></div>
<main>
<!-- release body starts here -->
<article>
{body}
</article>
<aside class="related"><h3>Related releases</h3><ul><li><a href="/x">Other news</a></li></ul></aside>
</main>
<footer>&copy; 2024 Example Newswire. All rights reserved.</footer>
<noscript><img src="/pixel.gif" alt="pixel"></noscript>
</body>
</html>
"""


def to_txt(blocks: list[tuple[str, str]]) -> str:
    return "\n\n".join(text for _, text in blocks) + "\n"


def to_html(blocks: list[tuple[str, str]]) -> str:
    parts = []
    for tag, text in blocks:
        # entities for what must be escaped and for some characters that need not be
        escaped = html.escape(text, quote=False).replace("\u201c", "&ldquo;").replace("'", "&#39;")
        if tag == "p" and len(escaped) > 90:  # wrapped source lines, as CMSs write them
            cut = escaped.rfind(" ", 0, 80)
            escaped = escaped[:cut] + "\n   " + escaped[cut + 1:]
        parts.append(f"<{tag}>{escaped}</{tag}>")
    title = html.escape(blocks[0][1])
    return PAGE.format(title=title, body="\n".join(parts))


def to_pdf(blocks: list[tuple[str, str]], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc))
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for tag, text in blocks:
        if tag == "h1":
            pdf.set_font("DejaVu", "B", 14)
            pdf.multi_cell(0, 7, text)
        elif tag == "h2":
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, text)
        else:
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, text)
        pdf.ln(4)
    pdf.output(str(path))


def encrypted_pdf(blocks: list[tuple[str, str]], path: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret",
                       encryption_method=EncryptionMethod.AES_128)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, blocks[1][1].replace("\u201c", '"').replace("\u201d", '"'))
    pdf.output(str(path))


def scanned_pdf(path: Path) -> None:
    """A page with drawing only, the shape of a scan: no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for i in range(40):
        pdf.rect(20, 20 + i * 6, 170 - (i * 7) % 60, 3, style="F")
    pdf.output(str(path))


def _pdf_with_stream(stream: bytes, filters: str) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def bomb_pdf(path: Path, size: int = 1 << 30) -> None:
    """A content stream of ``size`` spaces, Flate-compressed twice (a few KB)."""
    inner = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    once = b"".join(inner.compress(chunk) for _ in range(size // len(chunk))) + inner.flush()
    twice = zlib.compress(once, 9)
    path.write_bytes(_pdf_with_stream(twice, "[/FlateDecode /FlateDecode]"))


def main() -> None:
    for sub in ("txt", "html", "pdf", "hostile"):
        (HERE / sub).mkdir(exist_ok=True)
    for doc_id, blocks in RELEASES.items():
        (HERE / "txt" / f"{doc_id}.txt").write_text(to_txt(blocks), encoding="utf-8")
        (HERE / "html" / f"{doc_id}.html").write_text(to_html(blocks), encoding="utf-8")
        to_pdf(blocks, HERE / "pdf" / f"{doc_id}.pdf")
    first = next(iter(RELEASES.values()))
    encrypted_pdf(first, HERE / "hostile" / "encrypted.pdf")
    scanned_pdf(HERE / "hostile" / "scanned.pdf")
    good = (HERE / "pdf" / "acme-oncology-2024-02-12.pdf").read_bytes()
    (HERE / "hostile" / "malformed.pdf").write_bytes(good[: len(good) // 3])
    bomb_pdf(HERE / "hostile" / "bomb.pdf")
    text = b"BT /F1 12 Tf 72 700 Td (Plain text page) Tj ET"
    (HERE / "hostile" / "tiny-valid.pdf").write_bytes(_pdf_with_stream(zlib.compress(text), "/FlateDecode"))


if __name__ == "__main__":
    main()
