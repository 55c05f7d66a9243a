"""GIFT files as Moodle itself exports them ([html] texts, weights, feedback)."""

from __future__ import annotations

from quizgen.importers import import_file

MOODLE_EXPORT = """// question: 0  name: Switch category to $course$/top/Default for Kelas 8
$CATEGORY: $course$/top/Default for Kelas 8


// question: 101  name: Ibu kota
::Ibu kota::[html]<p>Apa ibu kota <b>Indonesia</b>?</p>{
\t=<p>Jakarta</p>#<p>Tepat</p>
\t~<p>Bandung &amp; sekitarnya</p>#<p>Bukan</p>
\t~%-50%<p>Surabaya</p>
}


// question: 102  name: Presiden
::Presiden::[html]<p>Siapa presiden pertama?</p>{
\t=%100%Soekarno#
\t=%100%Sukarno#
\t=%50%Bung Karno#
}


// question: 103  name: Benar salah
::Benar salah::[html]<p>Jakarta ada di Pulau Jawa.</p>{TRUE#salah#benar}


// question: 104  name: Pilihan ganda berbobot
::Pilihan ganda berbobot::Pilih dua.{
\t~%50%satu
\t~%50%dua
\t~%-100%tiga
}
"""


def test_moodle_exported_gift(tmp_path):
    path = tmp_path / "moodle-export.txt"
    path.write_text(MOODLE_EXPORT, encoding="utf-8")
    result = import_file(path, language="id")
    bank = result.bank
    assert [i.id for i in bank.items] == ["Ibu kota", "Presiden", "Benar salah"]
    mcq = bank.item("Ibu kota")
    assert mcq.kind == "mcq" and mcq.prompt == "Apa ibu kota Indonesia?"
    assert mcq.options == ("Jakarta", "Bandung & sekitarnya", "Surabaya") and mcq.answer == "Jakarta"
    short = bank.item("Presiden")
    assert short.kind == "short_answer" and short.accepted == ("Soekarno", "Sukarno")
    tf = bank.item("Benar salah")
    assert tf.kind == "true_false" and tf.answer == "Benar" and tf.prompt == "Jakarta ada di Pulau Jawa."
    assert any("multiple-answer" in w for w in result.warnings)
    assert bank.title == "Default for Kelas 8"


def test_english_true_false_words(tmp_path):
    path = tmp_path / "q.gift"
    path.write_text("::a::The sky is green.{F}\n", encoding="utf-8")
    item = import_file(path).bank.items[0]
    assert item.options == ("True", "False") and item.answer == "False"
