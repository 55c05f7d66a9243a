"""Rules from blind-review rounds 0-6 (bench/reviews.md), each pinned on a small text: what the
reviewers rejected must not be written again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_engine_rules import ctx_for, drafts_for, ranked_for

import quizgen
from quizgen.engine.context import Context
from quizgen.engine.do_support import do_question, lemma_of
from quizgen.engine.importance import importance
from quizgen.engine.select import rank_sentences
from quizgen.engine.textutil import near_duplicate
from quizgen.engine.write_detail import in_brackets, in_list, looks_misspelt, worked_out

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEEDS_CORPUS = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not beside the repository"
)


def cand(ctx: Context, text: str):
    return next(c for c in ctx.layer.candidates if c.text == text)


def test_no_who_said_items_and_no_true_single_statements():
    ctx = ctx_for(
        "Menteri Keuangan Sri Mulyani mengatakan ekonomi tumbuh lima persen pada 2018. "
        "“Kami optimistis pertumbuhan akan terjaga,” kata Sri Mulyani di Jakarta. "
        "Gubernur Bank Indonesia Perry Warjiyo menyebut inflasi terkendali. "
        "“Inflasi tetap rendah sepanjang tahun,” ujar Perry Warjiyo kepada wartawan. "
        "Sri Mulyani dan Perry Warjiyo bertemu Presiden Joko Widodo di Istana Negara pada Senin."
    )
    drafts = drafts_for(ctx)
    assert drafts
    assert not any(
        "mengatakan," in d.item.prompt or "Siapa yang" in d.item.prompt and "“" in d.item.prompt
        for d in drafts
    )
    true_false = [d for d in drafts_for(ctx, kinds="true_false")]
    assert all(d.item.answer == "Salah" for d in true_false)


def test_swapped_letters_are_one_name_with_a_typo():
    assert near_duplicate("Yusri", "Yursi")
    assert not near_duplicate("Yusri", "Yusuf")
    ctx = ctx_for(
        "Kabid Humas Polda Jawa Barat Kombes Yusri Yunus membenarkan kejadian itu. "
        "Menurut Yusri, polisi sudah berjaga sejak pagi. Yursi menambahkan, situasi kini kondusif. "
        "Yusri juga meminta warga tetap tenang."
    )
    assert looks_misspelt(ctx, "Yursi")
    assert not looks_misspelt(ctx, "Yusri")


def test_blanks_in_lists_brackets_and_sums_are_not_asked():
    ctx = ctx_for(
        "Penghargaan ini pernah diterima Sylvester Stallone, Kristen Stewart, Rihanna, Madonna, dan Ben Affleck. "
        "Lembaga swadaya masyarakat (LSM) itu bekerja di Jakarta. "
        "Tim mewawancarai 64 orang yang terdiri atas 24 orang internal Polri dan 40 orang dari eksternal."
    )
    assert in_list(ctx, cand(ctx, "Rihanna"))
    assert in_list(ctx, cand(ctx, "Kristen Stewart"))
    lsm = [c for c in ctx.layer.candidates if c.text == "LSM"]
    assert lsm and in_brackets(ctx, lsm[0])
    assert worked_out(ctx, cand(ctx, "64 orang"))
    assert worked_out(ctx, cand(ctx, "24 orang"))  # 64 - 40: a part beside the whole and the other part
    ctx = ctx_for("Tim mewawancarai 24 orang internal Polri dan 40 orang dari eksternal.")
    assert not worked_out(ctx, cand(ctx, "24 orang"))


def test_number_cloze_options_are_the_articles_figures_and_never_a_bare_year():
    path = ROOT / "tests" / "data" / "id-kim-putin-2024.txt"
    import quizgen

    bank = quizgen.generate(path, seed=7)
    for it in bank.items:
        if it.kind == "cloze" and it.options and any(ch.isdigit() for ch in it.answer):
            assert not it.answer.strip().isdigit() or len(it.answer.strip()) != 4
            wrong = [o for o in it.options if o != it.answer]
            assert any(o in bank.text for o in wrong), it.options


def test_statement_twins_swap_people_or_places_never_figures():
    ctx = ctx_for(
        "Pelatih Persija Stefano Cugurra memuji Riko Simanjuntak setelah laga di Jakarta. "
        "Riko Simanjuntak mencetak dua gol dalam laga melawan Arema FC pada Minggu malam. "
        "Stefano Cugurra mengatakan timnya bermain disiplin selama 90 menit. "
        "Persija kini berada di posisi kedua klasemen dengan 45 poin. "
        "Arema FC turun ke posisi keenam setelah kalah dari Persija. "
        "Riko Simanjuntak kini telah mencetak tujuh gol musim ini."
    )
    for d in drafts_for(ctx):
        if d.item.template.endswith("statement.false"):
            assert "replaced by '" not in d.item.reason or any(
                w in d.item.reason for w in ("Riko", "Stefano", "Jakarta", "Arema", "Persija")
            ), d.item.reason
        assert not d.item.template.endswith("statement.true")


def test_do_support_questions_read_as_english():
    text = (
        "Enric Duran is a former table-tennis coach from Barcelona. "
        "From 2006 to 2008, Duran took out 68 loans from 39 banks in Spain. "
        "Police arrested Duran in Barcelona in 2009. "
        "He spent two months in prison before he was released on bail."
    )
    ctx = ctx_for(text, "en")
    qs = {}
    for rs in rank_sentences(ctx):
        for c in ctx.by_sentence.get(rs.sentence.index, ()):
            q = do_question(ctx, rs, c)
            if q:
                qs[q.answer] = q.prompt
    assert qs.get("68 loans") == "How many loans did Duran take out from 39 banks in Spain from 2006 to 2008?"
    assert qs.get("2009") == "In which year did police arrest Duran in Barcelona?"
    assert qs.get("two months") == "How many months did Duran spend in prison before he was released on bail?"
    assert lemma_of(ctx, "carried") == ("carry", "past")
    assert lemma_of(ctx, "stopped") == ("stop", "past")
    assert lemma_of(ctx, "took") == ("take", "past")
    assert lemma_of(ctx, "watches") == ("watch", "3sg")


def test_importance_puts_the_lead_before_an_incidental_detail():
    ctx = ctx_for(
        "Polisi menangkap 20 orang terduga pelaku pembakaran kantor ormas di Bogor pada Rabu. "
        "Pembakaran itu terjadi setelah bentrokan antara dua ormas di depan kantor tersebut. "
        "Kapolres Bogor mengatakan para pelaku kini diperiksa di Polres Bogor. "
        "Seorang pedagang di dekat lokasi mengaku sempat menutup warungnya selama dua jam."
    )
    scores = [importance(ctx, i) for i in range(len(ctx.layer.sentences))]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] == max(scores)
    assert scores[-1] < scores[0]


@pytest.mark.skipif(not (SHARED / "corpus" / "id-news.jsonl").is_file(), reason="needs ../shared/corpus")
def test_shipped_importance_model_is_what_training_produces():
    out = subprocess.run(
        [sys.executable, str(ROOT / "training" / "train_importance.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    figures = json.loads((ROOT / "quizgen" / "engine" / "importance_model.json").read_text())["figures"]
    assert figures["auc_held_out"] >= 0.75


def test_a_swapped_year_stays_on_the_same_side_of_the_articles_now():
    from quizgen.engine.distractors import distractor_pool, reference_year

    ctx = ctx_for(
        "In 2012, for every 84 men aged 60 and over, there were 100 women. "
        "By 2050, this proportion is expected to grow to four-fifths. "
        "Nepal introduced a basic pension in 1995 for people over the age of 70. "
        "The index was first published in 2013 by HelpAge International.",
        "en",
    )
    assert reference_year(ctx) == 2013
    key = cand(ctx, "2012")
    assert "2050" not in {d.text for d in distractor_pool(ctx, key)}
    future = cand(ctx, "2050")
    assert not {"1995", "2012", "2013"} & {d.text for d in distractor_pool(ctx, future)}


def test_a_side_point_is_not_the_main_idea():
    from quizgen.engine.write_main_idea import leans_on_others

    ctx = ctx_for("Kit Kat membuka toko pertamanya di Ginza.")
    assert leans_on_others(ctx, "Kit Kat Jepang juga menyiapkan dua menu hidangan spesial.")
    assert leans_on_others(ctx, "Bisa jadi kekurangan zat besi menjadi penyebabnya.")
    assert not leans_on_others(ctx, "Kit Kat membuka toko cokelat pertamanya di Ginza, Tokyo.")


def test_a_number_the_sentence_counts_out_is_not_asked():
    from quizgen.engine.write_detail import counted_out

    ctx = ctx_for(
        "Profits from three products – a mug, gift tag and card – will go to the charity. "
        "All were tested between 2007 and 2010 on three different things: stamina, handgrip strength and power. "
        "Zhorna has two older brothers and they both work at a restaurant. "
        "The shop sold three products last year to customers in London.",
        "en",
    )
    counted = [c for c in ctx.layer.candidates if c.type == "number" and counted_out(ctx, c)]
    assert {c.sentence for c in counted} == {0, 1, 2}
    for d in drafts_for(ctx, kinds="cloze,mcq"):
        if d.key_type == "number":
            assert d.sentence == 3, d.item.prompt


def test_number_options_agree_with_their_unit_and_years_stay_years():
    from quizgen.engine.distractors import distractor_pool

    ctx = ctx_for(
        "Noma has been named the best restaurant for three years running. "
        "The monarchy has three generations of heirs for the first time since 1894. "
        "Kensington Palace announced the birth at 8.30pm on Monday.",
        "en",
    )
    years = {d.text for d in distractor_pool(ctx, cand(ctx, "three years"))}
    assert years and "one years" not in years
    since = [d.text for d in distractor_pool(ctx, cand(ctx, "1894"))]
    assert since and all(1800 < int(t) < 2000 for t in since), since
    clock = [d.text for d in distractor_pool(ctx, cand(ctx, "8.30pm"))]
    assert clock and all(t.endswith("pm") and "." in t for t in clock), clock


def test_a_place_or_a_club_is_no_person():
    from quizgen.engine.confidence import person_confidence

    ctx = ctx_for(
        "Martin Callanan, the Conservative MEP for North East England, said: “Forcing e-cigs off the "
        "shelves would have been totally crazy.” Callanan voted for the plan. "
        "Michael Jordan said the plan was good. Jordan added that he would vote.",
        "en",
    )
    assert person_confidence(ctx, cand(ctx, "North East England")) == 0
    assert person_confidence(ctx, cand(ctx, "Michael Jordan")) >= 1


def test_the_main_idea_is_no_hook_to_the_reader_nor_what_did_not_happen():
    from quizgen.engine.write_main_idea import _addresses_reader, _negated, cut_short

    ctx = ctx_for("Kit Kat membuka toko pertamanya di Ginza.")
    assert _addresses_reader(ctx, "Menu ini bisa kamu temukan di Ginza.")
    assert _negated(ctx, "Agus masih belum menyampaikan identitas tersangka baru.")
    assert not _negated(ctx, "KPK akan segera mengumumkan tersangka baru.")
    en = ctx_for("Insects are crunchy.", "en")
    assert _addresses_reader(en, "Crunchy, full of protein and to be found under a rock near you.")
    from quizgen.engine.claims import _is_clause

    assert not _is_clause(en, "Crunchy, full of protein and to be found under a rock near you")
    assert _is_clause(en, "Insects have long been overlooked as food in most places")
    lead = ctx_for(
        "Komisi Pemberantasan Korupsi (KPK) akan segera mengumumkan tersangka baru dalam kasus suap "
        "di Badan Keamanan Laut (Bakamla). Agus masih belum menyampaikan identitas tersangka baru."
    )
    from quizgen.engine.claims import claim_of

    c = claim_of(lead, rank_sentences(lead)[0], max_words=30)
    assert c is not None and not cut_short(lead, c)  # dropping "(Bakamla)" is no cut


@NEEDS_CORPUS
def test_a_bank_does_not_offer_the_same_wrong_figures_under_every_question():
    from quizgen.engine.generate import generate

    text = (SHARED / "corpus" / "id-news").glob("indosum-1504576800-*.txt")
    path = next(iter(text))
    bank = generate(path.read_text(encoding="utf-8"), language="id", seed=11213)
    seen: dict[str, int] = {}
    for it in bank.items:
        if it.skill in ("statement", "main_idea"):
            continue
        wrong = [o for o in it.options if o != it.answer]
        assert sum(o in seen for o in wrong) < 3, it.prompt
        for o in it.options:
            seen[o] = seen.get(o, 0) + 1


def test_a_gloss_is_dropped_after_a_name_only():
    from quizgen.engine.claims import claim_of

    ctx = ctx_for(
        "Within an hour, the numbers had swelled from hundreds to thousands outside the palace, "
        "with locals and tourists alike keen to share in the historic moment.",
        "en",
    )
    c = claim_of(ctx, rank_sentences(ctx)[0], max_words=40)
    assert c is not None and "swelled" in c.text, c


def test_a_blank_never_splits_a_bodys_name_at_its_and():
    from quizgen.engine.write_detail import splits_name

    ctx = ctx_for(
        "The Medicines and Healthcare Products Regulatory Authority had already invited manufacturers "
        "to cooperate. The Healthcare Products Regulatory Authority said little.",
        "en",
    )
    inner = [c for c in ctx.layer.candidates if c.text.startswith("Healthcare") and c.sentence == 0]
    assert inner and all(splits_name(ctx, c) for c in inner)


def test_no_blank_on_any_item_of_a_list_of_names():
    ctx = ctx_for(
        "Susunan pemain: Wahyu Nugroho; Otavio, Saputra, Rochman, Suroso; Firman Utina, Ichsan. "
        "Para penggemar meneriakkan band yang digawangi Brandon Boyd (vokal), Mike Einziger (gitar), "
        "Jose Pasillas (drum), dan Chris Kilmore. "
        "Mereka membawakan lagu hit seperti Pardon Me, Nice To Know You dan Trust Fall. "
        "Presiden Joko Widodo, didampingi Menteri Luhut Pandjaitan, meresmikan jalan tol di Bandung."
    )
    listed = {c.text for c in ctx.layer.candidates if in_list(ctx, c)}
    assert {"Wahyu Nugroho", "Mike Einziger", "Pardon Me", "Brandon Boyd"} <= listed
    assert not {"Joko Widodo", "Luhut Pandjaitan", "Bandung"} & listed


def test_questions_keep_to_one_clause_and_never_misread_a_name_given():
    from quizgen.engine.inversion import aux_question

    ctx = ctx_for(
        "Oxfam said the world’s poorest could be lifted out of poverty in 2012 by the richest people. "
        "An American woman called Cynthia Smith joined the project in 2013. "
        "The company could be sold in 2014 to a larger rival.",
        "en",
    )
    ranked = rank_sentences(ctx)
    assert aux_question(ctx, ranked[0], cand(ctx, "2012")) is None
    assert do_question(ctx, ranked[1], cand(ctx, "Cynthia Smith")) is None
    q = aux_question(ctx, ranked[2], cand(ctx, "2014"))
    assert q is not None and q.prompt.startswith("In which year could the company be sold"), q


@NEEDS_CORPUS
def test_a_word_blank_fits_its_slot_and_typed_words_come_last():
    from quizgen.engine.portfolio import fallback_tier

    path = SHARED / "corpus" / "en-news" / "onestopenglish-adv-billionaires.txt"
    ctx = ctx_for(path.read_text(encoding="utf-8"), "en")
    drafts = drafts_for(ctx, kinds="cloze")
    assert not any(d.item.answer == "undermines" for d in drafts)  # a verb among nouns
    typed = [d for d in drafts_for(ctx, kinds="cloze", cloze_choices=False) if d.key_type == "term"]
    chosen = [d for d in drafts if d.item.options]
    assert typed and chosen and min(fallback_tier(d) for d in typed) > max(fallback_tier(d) for d in chosen)


def test_the_main_idea_key_holds_the_words_the_article_keeps_coming_back_to():
    from quizgen.engine.write_main_idea import main_candidates, topic_coverage

    ctx = ctx_for(
        "Film director Martin Scorsese shot several big productions in the Moroccan city of Ouarzazate "
        "in the desert. The city sits on the edge of the Sahara Desert near the Atlas mountains. "
        "Now Morocco is building a solar plant there, and the solar plant will give Morocco clean power. "
        "The solar plant uses mirrors that follow the sun. Solar power from the plant will reach a "
        "million homes in Morocco. Engineers say the solar mirrors make the plant work after dark.",
        "en",
    )
    hook, news = ctx.layer.sentences[0].text, ctx.layer.sentences[2].text
    assert topic_coverage(ctx, news) > topic_coverage(ctx, hook)
    best = main_candidates(ctx, rank_sentences(ctx))[0][2]  # the opening scene, without the topic words
    assert "solar" in best.text, best.text


def test_round_eleven_lessons_on_claims_names_and_pairs():
    from quizgen.engine.claims import claim_of
    from quizgen.engine.confidence import person_confidence
    from quizgen.engine.do_support import lemma_of
    from quizgen.engine.write_detail import paired

    en = ctx_for(
        "In which 69 black protesters were shot dead by police in Sharpeville. "
        "In June 2012, Chon met Grow2Feed Liberia Fish Farm, which raised money for the farm. "
        "Archbishop Desmond Tutu led a memorial service in Cape Town on Sunday.",
        "en",
    )
    ranked = rank_sentences(en)
    assert claim_of(en, ranked[0]) is None  # the rest of another sentence
    assert lemma_of(en, "led") is None  # never "Where did Tutu led ...?"
    farm = [c for c in en.layer.candidates if c.text.startswith("Grow2Feed")]
    assert all(c.type != "person" or person_confidence(en, c) == 0 for c in farm)
    ind = ctx_for(
        "Selain Jang Song Thaek, ada pula mantan Menteri Pertahanan Hyun Yong Chol yang dieksekusi. "
        "Peningkatan apa yang diusung Xiaomi Redmi 5A, terutama bila dibandingkan dengan Redmi 4A. "
        "Sheeran akan ke Singapura (11 dan 12 November) dan Kuala Lumpur (14 November). "
        "Salah satu korban tewas ternyata adalah seorang pewarta asal Amerika Serikat."
    )
    ranked = rank_sentences(ind)
    first = claim_of(ind, ranked[0])
    assert first is None or first.text.startswith("Selain")
    assert claim_of(ind, ranked[1]) is None  # a question without its mark
    assert paired(ind, cand(ind, "12 November"))
    assert not paired(ind, cand(ind, "14 November"))
    assert paired(ind, next(c for c in ind.layer.candidates if c.text.startswith("satu")))


@NEEDS_CORPUS
def test_an_opening_scene_without_the_topic_words_gives_way_to_a_later_claim():
    from quizgen.engine.write_main_idea import main_candidates

    path = SHARED / "corpus" / "en-news" / "onestopenglish-adv-liberia.txt"
    ctx = ctx_for(path.read_text(encoding="utf-8"), "en")
    best = main_candidates(ctx, rank_sentences(ctx))[0][2].text
    assert not best.startswith("Moses King, 48, has had one major problem"), best
    assert "fish farm" in best, best


def test_round_twenty_one_lessons():
    """Round 21 (bench/reviews.md): a statement whose subject points back with "tersebut"
    needs another sentence; "tiga poin" (a win) is world knowledge, never asked."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.write_detail import fact_key_ok

    ctx = ctx_for(
        "Persipura Jayapura mengalahkan Persela Lamongan dengan skor 2-0 di Stadion Mandala. "
        "Penyerang asal Brasil tersebut menceploskan bola dari titik penalti pada menit ke-15. "
        "Tim asuhan Wanderley Junior berhasil memetik tiga poin pada laga di Stadion Mandala itu. "
        "Pelatih Persela Aji Santoso mengaku timnya kalah karena kurang konsentrasi di babak pertama."
    )
    ranked = ranked_for(ctx)
    assert claim_of(ctx, ranked[1]) is None
    assert claim_of(ctx, ranked[3]) is not None
    poin = cand(ctx, "tiga poin")
    assert not fact_key_ok(ctx, ranked[poin.sentence], poin)
    ctx.templates = {**ctx.templates, "common_figures": []}
    ctx.cache.pop("common_figures", None)  # folded once an article
    assert fact_key_ok(ctx, ranked[poin.sentence], poin)  # only the rule keeps it out
    ctx.templates = {**ctx.templates, "common_figures": ["tiga poin"]}
    ctx.cache.pop("common_figures", None)
    assert not fact_key_ok(ctx, ranked[poin.sentence], poin, relaxed=True)
    assert not any(d.item.answer == "tiga poin" for d in drafts_for(ctx))


def test_round_twenty_two_lessons():
    """Round 22: "Kemudian _____ brada di podium ketiga" copied the article's typo; "Seniman
    bernama Hosaka tersebut" points back past its naming verb; a title with its year in
    brackets ("Saving Christmas (2015)") is a work, not a person's distractor."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.confidence import person_confidence
    from quizgen.engine.distractors import distractor_pool
    from quizgen.engine.write_detail import copies_typo

    ctx = ctx_for(
        "Marc Marquez menang di Qatar pada Minggu malam. Kemudian Valentino Rossi brada di podium ketiga. "
        "Seniman bernama Hosaka tersebut mampu membuat berbagai patung dari pasir pantai di Tokyo."
    )
    assert copies_typo(ctx, "Kemudian _____ brada di podium ketiga.")
    assert not copies_typo(ctx, "Marc Marquez menang di _____ pada Minggu malam.")
    ranked = ranked_for(ctx)
    assert claim_of(ctx, ranked[2]) is None
    ctx = ctx_for(
        "Daftar film terburuk memuat Movie 43 (2014) dan Saving Christmas (2015). "
        "Aktris Sandra Bullock mengatakan ia bangga. Aktor Tom Green juga datang ke acara itu. "
        "Aktor Will Smith mengatakan ia berlibur di Seminyak. Kata Will Smith, Seminyak indah sekali."
    )
    work = [c for c in ctx.layer.candidates if c.text == "Saving Christmas"]
    assert all(person_confidence(ctx, c) == 0 for c in work)
    pool = [d.text for d in distractor_pool(ctx, cand(ctx, "Sandra Bullock"))]
    assert "Saving Christmas" not in pool and "Tom Green" in pool


def test_round_twenty_four_lessons():
    """Round 24: a false statement that puts a leader in a private role ("Dmitry Medvedev was
    at work in the reception area of a hospital clinic") or a private person in office ("the
    Prime Minister, Galina Zaglumyonova") is false on its face; people swap only with people
    of the same standing (the pack's ``office_titles``)."""
    from quizgen.engine.claims import claim_of, falsify, holds_office

    text = (
        "A meteorite exploded over Chelyabinsk on Friday morning. Galina Zaglumyonova was woken in her "
        "flat by an explosion. Tatyana Bets was at work in the reception area of a hospital clinic in the "
        "centre of the city. President Vladimir Putin and the Prime Minister, Dmitry Medvedev, sent "
        "ministers to the city. Dmitry Medvedev said the damage would be paid for. Tatyana Bets said the "
        "windows broke. Galina Zaglumyonova said she was afraid."
    )

    def false_twins(ctx):
        out = []
        for r in rank_sentences(ctx):
            c = claim_of(ctx, r)
            out += [f.text for f in falsify(ctx, c)] if c else []
        return out

    ctx = ctx_for(text, "en")
    assert holds_office(ctx, ctx.group_of(cand(ctx, "Dmitry Medvedev")))
    assert not holds_office(ctx, ctx.group_of(cand(ctx, "Tatyana Bets")))
    twins = false_twins(ctx)
    assert any("Galina Zaglumyonova was at work" in t for t in twins)  # the same standing: kept
    assert not any("Medvedev was" in t or "Prime Minister, Galina" in t for t in twins)
    ctx = ctx_for(text, "en")
    ctx.templates = {**ctx.templates, "office_titles": []}
    assert any("Dmitry Medvedev was at work" in t for t in false_twins(ctx))  # only the rule stops it


def test_a_long_news_lead_is_the_main_idea_key():
    """Rounds 23-28: English news keys were judged "a detail" 25 times of 46, mostly because a
    lead of over 30 words had no claim and a side point of a later paragraph became the key."""
    from quizgen.engine.write_main_idea import main_candidates

    text = (
        "Sir Alex Ferguson will retire as Manchester United manager at the end of the season in the "
        "27th year of a tenure that has made him the most successful manager in British football.\n\n"
        "The club will now have to find someone to replace a man who has won 13 English Premier "
        "League titles and five FA Cups.\n\n"
        "First-team coach René Meulensteen revealed how Ferguson broke the news to his backroom "
        "staff on Wednesday morning.\n\n"
        "Ferguson told the players after training that he would retire from management at the end "
        "of the season, and United fans gathered outside the stadium."
    )
    ctx = ctx_for(text, "en")
    best = main_candidates(ctx, rank_sentences(ctx))[0][2].text
    assert best.startswith("Sir Alex Ferguson will retire as Manchester United manager"), best
    assert best.rstrip(".").endswith("British football"), best  # whole, not cut at 30 words


def test_a_pronoun_after_a_name_in_its_own_clause_points_to_that_name():
    """ "Brazil experienced one of its biggest nights of protest": "its" is Brazil, so the
    sentence stands alone (it was the lead of a round-24 article whose key became a side point);
    "The company said its profits fell" still needs the sentence before."""
    ctx = ctx_for(
        "Brazil experienced one of its biggest nights of protest in decades as more than 100,000 "
        "people took to the streets nationwide. The company said its profits fell sharply in the "
        "last quarter of the year.",
        "en",
    )
    ranked = ranked_for(ctx)
    assert not any("points back" in x for x in ranked[0].reasons), ranked[0].reasons
    assert any("points back" in x for x in ranked[1].reasons), ranked[1].reasons


def test_a_main_idea_key_never_names_its_subject_by_pointing_back():
    """Round 25: "A study has found that school pupils born in those months are fitter" ('those
    months' with no referent); "than those born in other months" is a pronoun of its own."""
    from quizgen.engine.write_main_idea import points_back

    en = ctx_for("A study found it.", "en")
    assert points_back(en, "A study has found that school pupils born in those months are fitter.")
    assert not points_back(en, "Children born in autumn were fitter than those who were born in spring.")
    ind = ctx_for("Rumah itu dibangun.", "id")
    assert points_back(ind, "Rumah tersebut dibangun pada 2010 oleh warga desa.")
    assert not points_back(ind, "Warga desa membangun rumah itu pada 2010.")


def test_who_is_asks_the_role_the_article_gives_a_person():
    """OneStopQA's experts ask "Who is Gavin Sandercock?"; the wrong options are the roles the
    article gives its other people, never a role of the same kind nor one naming the person."""
    from quizgen.engine.write_roles import person_roles, write_roles

    ctx = ctx_for(
        "Middle-aged apes suffer a slump in well-being, a study says. "
        "Alex Weiss, a psychologist at Edinburgh University, led the study of 500 apes. "
        "Robin Dunbar, Professor of Evolutionary Psychology at Oxford University, said the work was careful. "
        "Alexandra Freund, Professor of Psychology at the University of Zurich, was not convinced. "
        "Thiago Firbida, a student, said he liked apes. "
        "James Gooderson, an 18-year-old student who blogs on technology, disagreed. "
        "For Weiss, the expansion into Europe and a deal with a zoo are next.",
        "en",
    )
    roles = {r.name: r.role for r in person_roles(ctx)}
    assert roles["Alex Weiss"] == "a psychologist at Edinburgh University"
    assert roles["Robin Dunbar"] == "Professor of Evolutionary Psychology at Oxford University"
    assert "the expansion into Europe" not in " ".join(roles.values())  # a thing, not a role
    drafts = {d.item.prompt: d.item for d in write_roles(ctx, rank_sentences(ctx))}
    item = drafts["Who is Alex Weiss?"]
    assert item.answer == "A psychologist at Edinburgh University"
    assert item.skill == "detail" and len(item.options) >= 3
    student = drafts.get("Who is Thiago Firbida?")
    # "a student" and "an 18-year-old student who blogs ...": either could be right
    assert student is None or not any("student" in o for o in student.options if o != student.answer)
    assert not any("Weiss" in o for o in item.options)


def test_who_is_needs_a_role_not_a_clause_nor_a_pointer():
    from quizgen.engine.write_roles import role_head

    en = ctx_for("A study found it.", "en")
    assert role_head(en, "a psychology lecturer at the Federal University") == "lecturer"
    assert role_head(en, "said the prejudice lay with producers") is None
    assert role_head(en, "the dealer behind his auction") is None
    assert role_head(en, "the expansion into Europe") is None
    ind = ctx_for("Rumah itu dibangun.", "id")
    assert role_head(ind, "Kepala Pusat Data Informasi dan Humas BNPB") == "kepala"
    assert role_head(ind, "tendangan penalti") is None
    assert role_head(ind, "mengatakan perempuan asal Kemayoran") is None


def test_a_false_statement_is_counted_by_what_its_twin_changed():
    """English reviewers kept false statements that only change a date 13 times in 103 (rounds
    5-28), role swaps 11 in 12: the ranker counts them apart."""
    from quizgen.engine.rank_features import item_category
    from quizgen.lang import get_pack

    en = get_pack("en")
    prompt = en.templates["statement_false"][0]
    text = (
        "The first phase, called Noor 1, will be ready in October 2015. "
        "Boehner phoned Obama to begin negotiation. The plant cost $9bn and employs 500 people."
    )

    def item(answer):
        return {"kind": "mcq", "prompt": prompt, "answer": answer, "options": ["a", "b", "c", answer]}

    assert item_category(item("The first phase, called Noor 1, will be ready in August 2015."), en, text) == (
        "statement_false_time"
    )
    assert item_category(item("Obama phoned Boehner to begin negotiation."), en, text) == "statement_false_roles"
    assert item_category(item("The plant cost $9bn and employs 900 people."), en, text) == "statement_false"
    assert item_category(item("Obama phoned Boehner to begin negotiation."), en) == "statement_false"


def test_round_twenty_nine_and_thirty_lessons():
    """Rounds 29-30 (bench/reviews.md): an amount beside its conversion ("USD 12 ribu (Rp 160
    juta)"), the first figure of a range ("_____ sampai 4%") and a count of the names the
    sentence lists ("Amerika Serikat bersama Suriah dan Nikaragua ... tiga negara") are never
    asked."""
    from quizgen.engine.write_detail import converted, counted_out, ranged

    ctx = ctx_for(
        "Biaya mesti dibayar berkisar USD 15 ribu hingga USD 60 ribu (Rp 200 juta hingga Rp 800 juta). "
        "Beberapa model minta dibayar USD 12 ribu (Rp 160 juta) per acara. "
        "Pertumbuhan upah sebesar 2% sampai 4% menunjukkan pasar yang kuat. "
        "Dengan keputusan Trump ini, Amerika Serikat bersama Suriah dan Nikaragua menjadi tiga negara "
        "yang menolak kesepakatan itu. Warga lima desa (sekitar 300 orang) ikut hadir."
    )
    by = {c.text: c for c in ctx.layer.candidates if c.type == "number"}
    assert converted(ctx, by["USD 12 ribu"]) and converted(ctx, by["Rp 160 juta"])
    assert converted(ctx, by["Rp 800 juta"])
    assert ranged(ctx, by["2%"]) and ranged(ctx, by["USD 15 ribu"]) and not ranged(ctx, by["4%"])
    assert counted_out(ctx, by["tiga negara"])
    assert not counted_out(ctx, by["lima desa"]) and not converted(ctx, by["300 orang"])


def test_a_blank_and_a_false_twin_never_share_a_fact():
    """Rounds 29-30: a blank on a sentence beside that sentence's false twin, or beside a false
    statement holding the blank's key ("helping 1,540 children" against "SOHAY helped _____"),
    cue each other: the portfolio never puts them in one bank."""
    from dataclasses import replace

    from quizgen.engine.portfolio import draft_conflicts

    ctx = ctx_for(
        "In 2015, SOHAY helped 1,540 children to leave hazardous work in Dhaka. "
        "The organization is also helping 635 children who are working in hazardous conditions. "
        "The classroom is one of 23 centers that SOHAY has set up in Dhaka since 2001. "
        "The Labor Law of Bangladesh does not allow children under 14 to work in factories.",
        "en",
    )
    drafts = drafts_for(ctx)
    blank = next(d for d in drafts if d.item.kind == "cloze" and d.item.answer == "1,540 children")
    false = next(d for d in drafts if d.shown and False in d.shown.values())
    twin_of_blank = replace(false, shown={blank.sentence: False})
    assert draft_conflicts(blank, twin_of_blank)
    holder = replace(
        false,
        shown={1: False},
        item=replace(false.item, answer="The organization is also helping 1,540 children who are working."),
    )
    assert draft_conflicts(blank, holder) and draft_conflicts(holder, blank)


def test_a_blank_on_a_sentence_leaning_back_names_its_person_or_is_not_asked():
    """Rounds 29-30: "It doesn't reappear until _____", "In _____, she decided ...": every
    blank on a sentence pointing back was rejected ("no referent"). A personal pronoun becomes
    the name of the one person the sentence before names; "it" and "this" are not asked."""
    ctx = ctx_for(
        "Enric Duran took out 68 loans from 39 banks in Spain and Portugal and Italy. "
        "He later fled to France with the money. "
        "It reappears in Italy on 12 March each year after the long winter. "
        "Police in Spain and France searched for him in Barcelona and Paris.",
        "en",
    )
    prompts = [d.item.prompt for d in drafts_for(ctx) if d.item.kind == "cloze"]
    assert "Enric Duran later fled to _____ with the money." in prompts
    assert not any(p.startswith(("He ", "It ")) for p in prompts), prompts


def test_a_statement_whose_subject_is_named_by_a_demonstrative_needs_another_sentence():
    """Round 29: "'Striker asal Brasil ini' dangles out of context"; rounds 23 and 26: "'this
    situation' dangling". A time is no pointer ("Tahun ini", "This year"), nor a name ("Asia ini")."""
    from quizgen.engine.claims import _demonstrative_subject

    ind = ctx_for("Rumah itu dibangun.")
    assert _demonstrative_subject(ind, "Striker asal Brasil ini mencoba keberuntungannya dengan tendangan.")
    assert _demonstrative_subject(ind, "Pertemuan itu berlangsung selama dua jam di Jakarta.")
    assert not _demonstrative_subject(ind, "Tahun ini Persib menjadi juara liga untuk kedua kalinya.")
    assert not _demonstrative_subject(ind, "Asia ini menjadi pusat ekonomi dunia.")
    en = ctx_for("A house.", "en")
    assert _demonstrative_subject(en, "This situation led to protests across the country.")
    assert not _demonstrative_subject(en, "This year the festival drew 10,000 people.")


def test_round_thirty_one_and_thirty_two_lessons():
    """Rounds 31-32: "_____ lalu, dia menempati peringkat ke-957" ('dia' past a short opener
    points back); main-idea options that are fragments ("Bagi warga ... untuk mewaspadai
    potensi longsor.", no subject) or point back ("... dua kejadian tersebut.")."""
    from quizgen.engine.write_main_idea import _no_subject, points_back

    ctx = ctx_for(
        "Stephens juara AS Terbuka setelah menang atas Keys di final. "
        "Enam bulan lalu, dia menempati peringkat ke-957 dunia. "
        "Pada 2017, Stephens menang di Washington dan Toronto."
    )
    ranked = ranked_for(ctx)
    assert not ranked[1].usable and any("points back" in x for x in ranked[1].reasons)
    assert ranked[2].usable
    assert _no_subject(ctx, "Bagi warga yang berada di sekitar lereng bukit untuk mewaspadai potensi longsor.")
    assert not _no_subject(ctx, "Di Jakarta, polisi menangkap dua pelaku pencurian motor.")
    assert points_back(ctx, "Petugas di lapangan pun tengah melakukan evakuasi terhadap dua kejadian tersebut.")


@NEEDS_CORPUS
def test_a_claim_cut_inside_a_phrase_is_no_statement():
    """Rounds 31 and 34: "Key is cut off ('dalam upaya.')": a claim cut before its sentence's
    end, inside a phrase, reads truncated as a statement's key or option."""
    path = SHARED / "corpus" / "id-news" / "indosum-1490068848-kjri-dorong-pengusaha-jajaki-pasar-kopi-t.txt"
    for seed in (0, 3, 7):
        bank = quizgen.generate(path, seed=seed)
        shown = [o for it in bank.items for o in (*it.options, it.answer, it.prompt)]
        assert not any(t.rstrip().endswith("dalam upaya.") for t in shown), shown


def test_round_thirty_five_lessons():
    """Round 35: "In which year did this arrangement come to an end?" ('this arrangement' has
    no antecedent: a question names a person the sentence before names, or is not asked);
    "Model adalah kombinasi ..." ("Model" swapped in for Shell: a word the article writes only
    inside longer names, "Signature Model", is no name of its own)."""
    from quizgen.engine.claims import _fragment_only

    ctx = ctx_for(
        "Bolivia signed the 1961 convention with a special clause for coca leaves and other crops. "
        "This arrangement came to an end in 1989 and since then the issue has been under dispute. "
        "Enric Duran took out 68 loans from 39 banks in Spain. He spent two months in prison in 2009.",
        "en",
    )
    prompts = [d.item.prompt for d in drafts_for(ctx) if d.item.kind == "mcq"]
    assert not any("this arrangement" in p for p in prompts), prompts
    assert "How many months did Enric Duran spend in prison in 2009?" in prompts
    ind = ctx_for(
        "Shell menawarkan tiga varian. Signature Model dijual seharga US$ 250, sedangkan Universal "
        "Model seharga US$ 150. Shell akan dijual mulai Januari."
    )
    assert _fragment_only(ind, "Model") and not _fragment_only(ind, "Shell")


def test_round_thirty_seven_and_thirty_eight_lessons():
    """Rounds 35-38: a whole lead ending on its verb is a claim ("... can be saved": the tiger
    census lead had none, and "More than 250 conservationists ... worked on the survey" became
    the key); a whole sentence keeps its last clause (", bisa diketahui April"); no blank on a
    number whose unit word is a modifier of the noun after it ("two sex workers": the key "two
    sex"); a false statement swaps in a person only when a gendered noun beside the name
    agrees ("Harington merupakan aktris" for Leslie, when the article calls Kit a "pria")."""
    from quizgen.engine.claims import _same_gender, claim_of, falsify

    en = ctx_for(
        "Tigers are more numerous in Nepal than at any time since the 1970s, a new census has "
        "revealed, giving conservationists hope that the big cats, whose numbers have been dropping "
        "across south Asia for 100 years, can be saved.\n\n"
        "In 2012, two sex workers gave birth on the streets of Athens, officials said.",
        "en",
    )
    ranked = ranked_for(en)
    lead = claim_of(en, ranked[0], max_words=42)
    assert lead is not None and lead.text.endswith("can be saved."), lead
    blanks = [d.item.answer for d in drafts_for(en) if d.item.kind == "cloze"]
    assert "two sex" not in blanks, blanks
    ind = ctx_for(
        "Komite Olimpiade Indonesia menyatakan kepastian keikutsertaan tim nasional U-22 dalam "
        "Islamic Solidarity Games 2017 di Baku, bisa diketahui April.\n\n"
        "Aktor Kit Harington akan menikahi Rose Leslie tahun depan. Leslie merupakan aktris yang "
        "memerankan Ygritte. Harington berniat mengundang para kru. \"Kit adalah pria yang "
        "menyenangkan,\" kata Leslie."
    )
    ranked = ranked_for(ind)
    first = claim_of(ind, ranked[0], max_words=30)
    assert first is None or "bisa diketahui April" in first.text, first
    leslie = cand(ind, "Leslie")
    assert not _same_gender(ind, leslie, "Harington", "Leslie merupakan aktris yang memerankan Ygritte.")
    claim = claim_of(ind, ranked[2])
    assert claim is not None
    assert not any("Harington merupakan aktris" in f.text for f in falsify(ind, claim))


def test_leads_that_state_the_story_are_claims():
    """Rounds 35-38: English main-idea keys judged "a detail" where the lead had no claim: an
    existential "there" read as a pointer back ("There are about 50,000 mystery shopping trips
    ..."), "US" read as "us" (first person), a plural read as a typo of its singular
    ("polygraphs" beside "polygraph"), "Leading water scientists" and "According to ..." read as
    openings with no subject, and a subject that is the article's topic ("Coal is likely to
    rival oil ...") counted as naming no actor. No blank on a figure describing a noun
    ("negara berpenduduk _____"): 1 of 13 kept."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.write_detail import _attribute
    from quizgen.engine.write_main_idea import main_candidates

    en = ctx_for(
        "There are about 50,000 mystery shopping trips every month in the UK, a trade body says.\n\n"
        "Leading water scientists have issued a stern warning about global food supplies in the US.\n\n"
        "According to American researchers, a nasal spray could help children with autism.\n\n"
        "Police have relied on polygraphs for almost 100 years. The polygraph was created in 1921.",
        "en",
    )
    ranked = ranked_for(en)
    for i in range(4):
        assert ranked[i].usable, (i, ranked[i].reasons)
        assert claim_of(en, ranked[i], max_words=42) is not None, i
    coal = ctx_for(
        "Coal is likely to rival oil as the world's biggest source of energy in the next five "
        "years.\n\nOne of the biggest factors behind the rise in coal use has been shale gas in "
        "the US.\n\nCoal consumption is increasing all over the world, the IEA says. Coal prices "
        "fell. China is the biggest coal importer.",
        "en",
    )
    best = main_candidates(coal, rank_sentences(coal))[0][2].text
    assert best.startswith("Coal is likely to rival oil"), best
    ind = ctx_for(
        "Kekerasan terjadi di negara berpenduduk 30 juta orang itu. Kasparov, yang pernah menjadi "
        "juara dunia, kini berusia 54 tahun."
    )
    assert _attribute(ind, cand(ind, "30 juta orang"))
    assert not _attribute(ind, cand(ind, "54 tahun"))


def test_actors_doing_a_thing_together_are_not_swapped():
    """Round 38: "Tunisia is making plans with Morocco" keyed NOT true, swapped from "Morocco is
    making plans with Tunisia": both do it together, so the swap stays true."""
    from quizgen.engine.claims import claim_of, falsify

    ctx = ctx_for(
        "Morocco is making plans with Tunisia to export solar energy across the Mediterranean. "
        "Morocco imports nearly all of its energy from Spain and Algeria.",
        "en",
    )
    ranked = ranked_for(ctx)
    claim = claim_of(ctx, ranked[0])
    assert claim is not None
    assert not any(f.text.startswith("Tunisia is making plans with Morocco") for f in falsify(ctx, claim))


def test_round_thirty_nine_lessons():
    """Round 39 (English news main ideas kept 1 of 8): the lead "Wales will become the first
    country ... unless they opt out" had no claim (a whole sentence ending on its particle);
    "menarik" (withdraws) read as the opinion word "interesting"; a lead saying what is
    suspected ("yang diduga merupakan anggota FPI") is a summary though no true/false
    statement; "Kondisi yang sempat memaksanya ... itu, ternyata makin serius" names its
    subject by pointing back past a relative clause; "the threat was actually, if anything,
    understated" keeps its last word."""
    from quizgen.engine.claims import _demonstrative_subject, claim_of

    en = ctx_for(
        "Wales will become the first country in the UK where people will be presumed to have "
        "consented for their organs to be donated unless they opt out.\n\n"
        "While this might sound like an exaggeration, the threat was actually, if anything, understated.",
        "en",
    )
    ranked = ranked_for(en)
    lead = claim_of(en, ranked[0], max_words=42)
    assert lead is not None and lead.text.endswith("unless they opt out."), lead
    second = claim_of(en, ranked[1])
    assert second is None or second.text.endswith("understated."), second
    ind = ctx_for(
        "Presiden Donald Trump menarik Amerika Serikat dari kesepakatan iklim global yang "
        "disepakati di Paris pada 2015 lalu. Ratusan orang yang diduga merupakan anggota ormas "
        "membakar kantor organisasi lain di Ciampea, Bogor, Jawa Barat."
    )
    ranked = ranked_for(ind)
    assert claim_of(ind, ranked[0]) is not None
    assert claim_of(ind, ranked[1]) is None  # a suspicion is no statement keyed true or false
    assert claim_of(ind, ranked[1], hedged=True) is not None  # ... but sums the news up
    assert _demonstrative_subject(
        ind, "Kondisi yang sempat memaksanya membatalkan dua konser terakhir di London itu, ternyata makin serius"
    )


def test_rounds_forty_and_forty_one_lessons():
    """Rounds 40-41: "How many months did Duran spend in prison before being bailed for €50?"
    (the question cut "€50,000" at its thousands comma); English true/false items that only
    change a year ("... by 2017" for 2020: "date recall only") are a category of their own,
    kept under the floor; no blank in a line-up or a results line ("4. Milwaukee Bucks 94-87
    _____"); no blank on the outlet a "Kantor berita" reports from."""
    from quizgen.engine.distractors import news_source
    from quizgen.engine.rank_features import item_category
    from quizgen.lang import get_pack

    ctx = ctx_for(
        "Enric Duran took out 68 loans from 39 banks in Spain. He spent two months in prison "
        "before being bailed for €50,000.",
        "en",
    )
    ranked = ranked_for(ctx)
    q = do_question(ctx, ranked[1], cand(ctx, "two months"))
    assert q is not None and q.prompt.endswith("bailed for €50,000?"), q
    text = "Experts say solar energy will make up a third of Morocco's supply by 2020. Morocco has deserts."
    tf = {"kind": "true_false", "prompt": "Experts say solar energy will make up a third of Morocco's supply by 2017.", "answer": "False", "options": ["True", "False"]}
    assert item_category(tf, get_pack("en"), text) == "true_false_time"
    ind = ctx_for(
        "Kantor berita ISNA menulis pemblokiran Telegram telah dicabut. Presiden Hassan Rouhani "
        "memerintahkan pencabutan itu pada Sabtu.\n\n4. Milwaukee Bucks 94-87 San Antonio Spurs"
    )
    assert news_source(ind, "ISNA")
    from quizgen.engine.write_detail import sentence_ok

    ranked = ranked_for(ind)
    assert sentence_ok(ind, ranked[0]) and not sentence_ok(ind, ranked[2])


def test_rounds_forty_two_and_forty_three_lessons():
    """Rounds 42-43: "pukul 16.50 waktu Korea" blanked as a figure with "2480,0 waktu" among
    the options (a clock time is no figure); "Who is Stephan Keszler? -> The dealer behind
    that auction" ("that auction" points back: no role a reader can weigh alone)."""
    from quizgen.engine.write_detail import fact_key_ok
    from quizgen.engine.write_roles import role_head

    ind = ctx_for(
        "Episode terbaru Running Man bakal tayang Minggu, 8 Oktober mendatang pukul 16.50 waktu "
        "Korea Selatan di SBS. Acara itu ditonton 12 juta orang."
    )
    ranked = ranked_for(ind)
    clock = [c for c in ind.layer.candidates if c.text.startswith("16.50")]
    assert clock and not any(fact_key_ok(ind, ranked[0], c, relaxed=True) for c in clock)
    en = ctx_for("Stephan Keszler, the dealer behind that auction, believes selling the works is legitimate.", "en")
    assert role_head(en, "the dealer behind that auction") is None
    assert role_head(en, "a psychology lecturer at the Federal University") == "lecturer"


def test_rounds_forty_three_to_forty_five_lessons():
    """Rounds 43-45: main-idea options whose subject is owned by someone named before
    ("Hasilnya membuktikan ...", "Di bawahnya menanti ...": "dangling") or whose second word
    joins them to the sentence before ("Repot karena setiap kali ...": "a fragment"); a
    possessive owned by a name that follows ("Setibanya di rumah sakit, Nia ...") is fine."""
    from quizgen.engine.write_main_idea import _continues_before, _no_subject, points_back

    ind = ctx_for("Iwa K divonis enam bulan rehabilitasi. Hakim membacakan putusan pada Selasa.")
    assert points_back(ind, "Hasilnya membuktikan bahwa Iwa merupakan pengguna ringan.")
    assert points_back(ind, "Di bawahnya menanti hempasan ombak besar yang siap menerjang.")
    assert not points_back(ind, "Setibanya di rumah sakit, Nia terlihat terburu-buru masuk ke ruangan.")
    assert not points_back(ind, "Iwa K tertangkap tangan membawa ganja di Bandara Soekarno-Hatta.")
    assert _continues_before(ind, "Repot karena setiap kali pengguna hendak memainkan game harus melepas headset.")
    assert _no_subject(ind, "Repot karena setiap kali pengguna hendak memainkan game harus melepas headset.")
    assert not _continues_before(ind, "Pengguna repot karena harus melepas headset.")
    en = ctx_for("The mayor opened the bridge on Monday. Thousands of people came.", "en")
    assert points_back(en, "His wife said the bridge had cost too much.")
    assert not points_back(en, "The mayor said the bridge had cost too much.")
    # rounds 40-44: a clause holding a date is no adverbial to move ("The last English king to
    # fall in battle, and the researchers revealed how for the first time Richard died at
    # Bosworth on 22 August 1485."); no claim copies a capital after a comma ("..., But, in 1998")
    from quizgen.engine.claims import claim_of, miscapitalised, restate

    en = ctx_for(
        "Richard died at Bosworth on 22 August 1485, the last English king to fall in battle, and "
        "the researchers revealed how for the first time. In movies, the polygraph is always right, "
        "But, in 1998, the US Supreme Court said it was not reliable.",
        "en",
    )
    ranked = ranked_for(en)
    c = claim_of(en, ranked[0])
    assert c is not None and restate(en, c).startswith("Richard died at Bosworth"), c
    assert claim_of(en, ranked[1]) is None
    assert miscapitalised(en, "the polygraph is always right, But, in 1998, the court said so.")
    assert not miscapitalised(en, "The minister spoke, The Guardian reported.")


def test_round_forty_six_lessons():
    """Round 46: "Amjid Gulzar, 26, said Abdullah could ..." lost its reported subject (an
    inline attribution is set off by commas on both sides); "Targetnya adalah mengumpulkan
    informasi dari berapa pejabat?" (whose target? no item on a sentence whose subject is owned
    by someone named before); "Tepatnya pada 27 Mei 2015, ..." opened a question."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.write_detail import sentence_ok

    en = ctx_for(
        "Tourists are back in Kashmir. Amjid Gulzar, 26, said Abdullah could search for truth and "
        "reconciliation as well as encouraging foreign visitors.",
        "en",
    )
    ranked = ranked_for(en)
    c = claim_of(en, ranked[1])
    assert c is None or "Abdullah could search" in c.text, c
    ind = ctx_for(
        "Chuck Blazer bekerja sama dengan FBI sejak 2011. Targetnya adalah mengumpulkan informasi "
        "dari 44 pejabat teras FIFA. Tepatnya pada 27 Mei 2015, Kepolisian Swiss menangkap enam "
        "anggota Komite Eksekutif FIFA di Zurich."
    )
    ranked = ranked_for(ind)
    assert not sentence_ok(ind, ranked[1]) and sentence_ok(ind, ranked[0])
    c = claim_of(ind, ranked[2])
    assert c is not None and not c.text.lower().startswith("tepatnya"), c


def test_rounds_forty_seven_and_eight_lessons():
    """Rounds 47-48: "Odinga, yang memboykot pemilu ulang ..., menyatakan dirinya ..." lost its
    predicate as if "menyatakan ..." were an attribution (a subject and its relative clause
    were left: "a fragment"); "shisha is described by both addicts and officials" was cut
    before its complement ("as a variant of crystal meth"); "Grup" of "Grup 3, 4, 5, dan 6"
    was offered as a body beside PT LIB and the clubs."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.distractors import numbered_word

    ind = ctx_for(
        "Pemerintah Kenya menangkap penasihat oposisi David Ndii. Odinga, yang memboykot pemilu "
        "ulang pada Oktober karena komisi pemilu gagal melaksanakan reformasi, menyatakan dirinya "
        "mengedepankan persatuan negara. Ndii ditahan polisi di kota pesisir Mombasa pada Sabtu "
        "malam, kata pengacara Edward Omotii."
    )
    ranked = ranked_for(ind)
    c = claim_of(ind, ranked[1])
    assert c is None or "mengedepankan persatuan" in c.text, c
    c = claim_of(ind, ranked[2])
    assert c is not None and "kata" not in c.text, c  # a real attribution still goes
    en = ctx_for(
        "Greece is in crisis. The drug of preference for thousands of homeless Greeks forced on to "
        "the streets by poverty and despair, shisha is described by both addicts and officials as "
        "a variant of crystal meth, whose potential to send users into a state of mindless "
        "violence is underpinned by the substances with which the drug is mixed.",
        "en",
    )
    ranked = ranked_for(en)
    c = claim_of(en, ranked[1])
    assert c is None or not c.text.rstrip(".").endswith("officials"), c
    liga = ctx_for(
        "PT LIB menunda Liga 1 hingga 3 Juli. Jadwal enam laga dari Grup 3, 4, 5, dan 6 Liga 2 "
        "dipastikan bergeser. Singapura 142 ribu wisman dan Grup Astra ikut terdampak."
    )
    assert numbered_word(liga, "Liga")  # "Liga 1", "Liga 2" only
    assert not numbered_word(liga, "Grup")  # "Grup Astra" too
    only = ctx_for("Jadwal enam laga dari Grup 3, 4, 5, dan 6 dipastikan bergeser.")
    assert numbered_word(only, "Grup")
    assert not numbered_word(ctx_for("Wisman dari Singapura 142,93 ribu orang."), "Singapura")
    # "..., in what was supposed to be the safest part of Damascus, a car bomb detonated,
    # leaving ...": "a car bomb detonated" is the main clause, no gloss of "Damascus"
    syria = ctx_for(
        "Damascus is under fire. In Sabaa Bahrat Square, in what was supposed to be the safest part "
        "of Damascus, a car bomb detonated, leaving a blackened concrete facade and broken windows.",
        "en",
    )
    ranked = ranked_for(syria)
    c = claim_of(syria, ranked[1], max_words=40)
    assert c is None or "car bomb" in c.text, c
    sohay = ctx_for(
        "Child labour is common in Dhaka. SOHAY, a grassroots NGO funded by a British charity, has "
        "been working in slum areas of Dhaka for 14 years.",
        "en",
    )
    ranked = ranked_for(sohay)
    c = claim_of(sohay, ranked[1])
    assert c is not None and "grassroots" not in c.text, c  # a gloss after a name still goes


def test_rounds_forty_nine_and_fifty_lessons():
    """Rounds 49-50: a summary cut four words short ("... whose birthdays fell."); "Yang sedikit
    berbeda, Nikah ..." moved into "... per bulannya yang sedikit berbeda"; "Berikut hasil
    lengkap pertandingan _____" (a list's heading); "Mengapa pastikan membawa syal?" (a command
    has no subject to ask about); "How many documents had the panel inspected generated by the
    police?" (the key's modifier left behind); a future year among past ones ("would land ...
    in 2023"); a figure another item's option states ("send four astronauts")."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.distractors import reference_year
    from quizgen.engine.write_detail import sentence_ok
    from quizgen.engine.write_relation import _imperative

    en = ctx_for(
        "A study looked at fitness. November- and October-born children emerged as fitter, stronger "
        "and more powerful than their peers born in the other ten months of the year, especially "
        "those whose birthdays fell in April or June. Now, researchers in Britain have developed a "
        "new method of testing children that is correct most of the time.",
        "en",
    )
    ranked = ranked_for(en)
    c = claim_of(en, ranked[1], max_words=30)
    assert c is not None and c.text.rstrip(".").endswith("April or June"), c
    c = claim_of(en, ranked[2])
    assert c is not None and c.text.startswith("Researchers in Britain"), c
    ind = ctx_for(
        "Nikah.id hadir untuk calon pengantin. Yang sedikit berbeda, Nikah hanya diperuntukkan untuk "
        "pengguna yang sudah terdaftar berlangganan dengan biaya Rp 58 ribu per bulannya. Berikut "
        "hasil lengkap pertandingan final Jepang Terbuka 2017."
    )
    ranked = ranked_for(ind)
    c = claim_of(ind, ranked[1])
    assert c is None or not c.text.rstrip(".").endswith("yang sedikit berbeda"), c
    assert not sentence_ok(ind, ranked[2])
    assert _imperative(ind, "Pastikan membawa syal atau jaket")
    assert not _imperative(ind, "Pasukan pemerintah menyerang markas pemberontak")
    assert not _imperative(ind, "Terjadi kecelakaan di jalan tol")
    assert _imperative(en, "Make sure you bring a scarf")
    assert not _imperative(en, "The sinister background noise is doubly disturbing")
    hills = ctx_for(
        "The families waited for years. The Hillsborough Independent Panel had inspected 450,000 "
        "documents generated by the police. Duran took out 68 loans from 39 banks.",
        "en",
    )
    ranked = rank_sentences(hills)
    assert do_question(hills, ranked[1], cand(hills, "450,000 documents")) is None
    q = do_question(hills, ranked[2], cand(hills, "68 loans"))
    assert q is not None and q.prompt.startswith("How many loans did Duran take out"), q
    mars = ctx_for(
        "Carl Sagan set out his vision in 1996. Mars One was founded in 2011. The first team would "
        "land on the surface of Mars in 2023 to begin building the colony.",
        "en",
    )
    assert reference_year(mars) == 2011  # "would land ... in 2023" speaks of the future


@NEEDS_CORPUS
def test_a_figure_a_summary_option_states_is_no_blank_beside_it():
    from quizgen.engine.generate import generate

    path = SHARED / "corpus" / "en-news" / "onestopenglish-adv-life-on-mars.txt"
    bank = generate(path.read_text(encoding="utf-8"), language="en", seed=3)
    shown = " | ".join(o for it in bank.items if it.skill in ("main_idea", "statement") for o in it.options)
    for it in bank.items:
        if it.skill not in ("main_idea", "statement") and any(ch.isdigit() for ch in it.answer):
            assert it.answer not in shown, it.prompt


def test_rounds_fifty_one_and_two_lessons():
    """Rounds 50-52: "Terhitung hanya _____ dari album baru ..., yaitu A, B, C, dan D" (the
    sentence counts them); "_____ kemudian, Rabu (7/2) mereka sudah di Jakarta" (after what?);
    "Serikat", "Biro", "Hukum Kemnaker" offered as bodies (parts of longer names); "Kapan
    kariernya di FIFA pun berakhir?" (whose career?); "Until that time, the solar energy will
    be used ..." (which time?)."""
    from quizgen.engine.claims import owner_points_back
    from quizgen.engine.distractors import name_fragment
    from quizgen.engine.write_detail import counted_out, fact_key_ok

    ind = ctx_for(
        "Incubus tampil di Jakarta pada Rabu. Terhitung hanya empat lagu dari album baru yang mereka "
        "bawakan, yaitu Glitter Bomb, Nimble Bastard, State of The Art, dan Loneliest. Empat hari "
        "kemudian, Rabu (7/2) mereka sudah di Jakarta."
    )
    assert counted_out(ind, cand(ind, "empat lagu"))
    ranked = ranked_for(ind)
    days = next(c for c in ind.layer.candidates if c.type == "number" and c.sentence == 2)
    assert not fact_key_ok(ind, ranked[2], days)
    fifa = ctx_for(
        "Chuck Blazer adalah Wakil Presiden Eksekutif Federasi Sepak Bola Amerika Serikat. Amerika "
        "Serikat diklaim punya bukti. Tim dibentuk oleh Biro Hukum Kemnaker pada Senin. Kariernya di "
        "FIFA pun berakhir pada 2015. Setibanya di rumah sakit, Nia terlihat terburu-buru."
    )
    assert name_fragment(fifa, "Eksekutif Federasi Sepak Bola Amerika")
    assert name_fragment(fifa, "Hukum Kemnaker")
    assert name_fragment(fifa, "Biro")  # a common noun in the tagger's treebank
    assert not name_fragment(fifa, "Chuck Blazer")
    assert owner_points_back(fifa, "Kariernya di FIFA pun berakhir pada 2015.")
    assert not owner_points_back(fifa, "Setibanya di rumah sakit, Nia terlihat terburu-buru.")
    en = ctx_for(
        "Morocco is building a solar plant. Until that time, the solar energy will be used in "
        "Morocco itself. The plant will be ready in 2015.",
        "en",
    )
    ranked = ranked_for(en)
    assert not ranked[1].usable and ranked[2].usable


def test_a_figure_the_question_fits_twice_and_a_background_summary():
    """Round 50: "Thunder mencetak berapa poin?" fits 26 (the fourth quarter) and 31 (the
    third): several right answers. Rounds 5-52: a summary naming a year well before the
    article's own, or a state that "has long" held, is background (English keys kept 6 of 33
    and 0 of 6)."""
    from quizgen.engine.write_detail import asked_elsewhere
    from quizgen.engine.write_main_idea import _background

    ind = ctx_for(
        "Thunder menang 120-111 atas Clippers pada 2017. Pada kuarter ketiga, Thunder mencetak 31 "
        "poin. Thunder mencetak 26 poin, sedangkan Clippers hanya bisa menambah 25 poin."
    )
    key = next(c for c in ind.layer.candidates if c.text == "26 poin")
    assert asked_elsewhere(ind, key, "Thunder mencetak berapa poin?")
    assert not asked_elsewhere(ind, key, "Pada kuarter keempat, Thunder mencetak berapa poin?")
    en = ctx_for(
        "Tourists returned to Kashmir in 2012. In 2002, only 27,000 tourists visited the valley. "
        "Swedish prisons have long had a reputation for being progressive.",
        "en",
    )
    assert _background(en, "In 2002, only 27,000 tourists visited the valley.")
    assert _background(en, "Swedish prisons have long had a reputation for being progressive.")
    assert not _background(en, "Tourists returned to Kashmir in 2012.")


def test_a_name_headed_by_a_common_noun_is_no_person_to_swap_or_ask():
    """Rounds 49-50: "Perang Pandawa adalah seseorang ..." and "Darfur mengenakan jaket ..."
    swapped a war and a town (typed as persons) for people; "Kota Darfur" offered beside Riek
    Machar. A name opening with a treebank common noun ("perang", "kota", "sosok") is no
    person for a swap, an option or a key."""
    from quizgen.engine.claims import falsify
    from quizgen.engine.distractors import common_noun

    ind = ctx_for("Riek Machar bertemu Salva Kiir di Juba.")
    assert common_noun(ind, "Perang") and common_noun(ind, "Kota")
    assert not common_noun(ind, "Joko") and not common_noun(ind, "Agus") and not common_noun(ind, "Kim")
    wayang = ctx_for(
        "PDI Perjuangan menggelar pertunjukan wayang kulit dengan lakon Abimanyu Ranjam oleh Ki "
        "Dalang Warseno Slank. Panglima Perang Pandawa adalah seseorang yang konsisten membela "
        "kebenaran. Warseno Slank tampil selama tiga jam di Jakarta."
    )
    from quizgen.engine.claims import claim_of

    ranked = ranked_for(wayang)
    c = claim_of(wayang, ranked[1])
    if c is not None:
        assert not any(f.text.startswith(("Warseno", "Abimanyu")) for f in falsify(wayang, c))


def test_rounds_fifty_three_and_four_lessons():
    """Rounds 53-54: "Terdiri dari _____ yaitu 40 soal TKP (...), 30 soal TIU (...) dan 30 soal
    TWK (...)" (the list counts them, brackets and all); "Jika disaksikan selama _____" -> 90
    menit (a match's length is world knowledge); "tim berperingkat berapa dunia" (a rank, no
    count)."""
    from quizgen.engine.write_detail import counted_out, fact_key_ok

    ind = ctx_for(
        "Ujian CPNS digelar pada Senin. Terdiri dari tiga kelompok yaitu 40 soal Tes Karakteristik "
        "Pribadi (TKP), 30 soal Tes Intelegensia Umum (TIU) dan 30 soal Tes Wawasan Kebangsaan (TWK)."
    )
    assert counted_out(ind, cand(ind, "tiga kelompok"))
    match = ctx_for(
        "Timnas Indonesia U-22 bermain imbang. Jika disaksikan selama 90 menit, pertandingan itu "
        "tampak tak ada yang salah. Tim berperingkat 134 dunia itu memakai produk lokal."
    )
    ranked = ranked_for(match)
    for c in match.layer.candidates:
        if c.type == "number" and c.sentence in (1, 2):
            assert not fact_key_ok(match, ranked[c.sentence], c), c.text


def test_rounds_fifty_five_and_six_lessons():
    """Rounds 55-56: "31 April" and "31 Februari" offered beside "31 Januari" (no such
    dates); "pecahan _____ ribuan" -> Rp 50 beside Rp 62, 75 and 88 (no such banknotes)."""
    import random

    from quizgen.engine.distractors import distractor_pool
    from quizgen.engine.write_detail import fact_key_ok

    ind = ctx_for(
        "Smartwatch Shell akan mulai ditawarkan via pre-order mulai tanggal 31 Januari besok. "
        "Produk dikirim pada 3 Februari. Uang yang disita dari pelaku delapan lembar pecahan Rp 50 "
        "ribuan, tiga lembar pecahan Rp 100 ribuan."
    )
    day = cand(ind, "31 Januari")
    options = [d.text for d in distractor_pool(ind, day, random.Random(1))]
    assert options and not {"31 Februari", "31 April", "31 Juni"} & set(options), options
    ranked = ranked_for(ind)
    note = cand(ind, "Rp 50")
    assert not fact_key_ok(ind, ranked[note.sentence], note)


def test_no_subject_question_over_a_gapped_second_clause():
    """Round 58: "Which country is the biggest coal importer, and Indonesia the biggest
    exporter, having temporarily overtaken Australia?" asked after one subject of two."""
    from quizgen.engine.questions import subject_question

    en = ctx_for(
        "Coal use is rising fast. China is the biggest coal importer, and Indonesia the biggest "
        "exporter, having temporarily overtaken Australia. China imported more coal than any "
        "other country in 2012.",
        "en",
    )
    ranked = ranked_for(en)
    key = next(c for c in en.layer.candidates if c.text == "China" and c.sentence == 1)
    assert subject_question(en, ranked[1], key) is None


def test_session_eleven_sentences_that_stand_alone():
    """"the US" is a country, not the first person "us"; "But ..." takes no comma and what
    follows stands alone unless it points back; a one-word opener ("Terakhir, ia ...") or a
    long adverbial one ("At some point in the last eight years, it ...") leaves the pronoun
    pointing back; a verbless line ("Menurut situs Bild, hanya tujuh sejak 2012.") is asked
    nothing (round 59)."""
    from quizgen.engine.textutil import has_any_word
    from quizgen.engine.write_detail import sentence_ok

    assert not has_any_word("The polygraph is widely used in the US in criminal cases.", ["us", "we"])
    assert has_any_word("Let us go.", ["us"])
    en = ctx_for(
        "Police have relied on polygraphs for almost 100 years. The polygraph is widely used in the "
        "US in criminal cases but is much less popular in Europe. But the team has already achieved "
        "more than 80% in some tests. But it could soon be defunct. At some point in the last eight "
        "years, it would seem, he ceased to believe that was true.",
        "en",
    )
    ranked = ranked_for(en)
    assert ranked[1].usable and sentence_ok(en, ranked[1])
    assert ranked[2].usable and en.text[ranked[2].body_start :].startswith("the team")
    assert not ranked[3].usable and not ranked[4].usable
    ind = ctx_for(
        "Ed Sheeran akan menggelar konser di Jakarta pada 9 November. Terakhir, ia konser di "
        "Nashville, pada 7 Oktober, baru kemudian mengunjungi Asia. Menurut situs Bild, hanya tujuh "
        "sejak 2012."
    )
    ranked = ranked_for(ind)
    assert not ranked[1].usable
    assert not sentence_ok(ind, ranked[2])


def test_session_eleven_counts_of_one_and_summaries_that_spare_the_facts():
    """"untuk _____ peragaan busana" -> satu kali (round 60: "obvious from context"), "bagi
    _____ motor sport itu" (round 61: the count of things named before); a
    main idea's wrong summaries come from sentences no blank or question asks about first, so
    the bank keeps its facts."""
    from quizgen.engine.write_detail import fact_key_ok
    from quizgen.engine.write_main_idea import spare_facts_first

    ind = ctx_for(
        "Merek busana ternama bisa menghabiskan dana besar untuk pagelaran. Pengeluaran Chanel buat "
        "satu kali peragaan busana bisa lebih dari itu. Kamera ponsel itu punya satu buah LED Flash "
        "di bagian belakang."
    )
    ranked = ranked_for(ind)
    for text in ("satu kali", "satu buah"):
        c = cand(ind, text)
        assert not fact_key_ok(ind, ranked[c.sentence], c), text
    bikes = ctx_for(
        "Suzuki merilis GSX-R150 dan GSX-S150 tahun lalu. Alih-alih menggenjot penjualan, mereka "
        "memperpanjang harga promosi bagi dua motor sport itu hingga Juni 2017. Garansi mesin "
        "berlaku selama lima tahun."
    )
    ranked = ranked_for(bikes)
    two, five = cand(bikes, "dua motor"), cand(bikes, "lima tahun")
    assert not fact_key_ok(bikes, ranked[two.sentence], two)  # round 61: the two bikes named before
    assert fact_key_ok(bikes, ranked[five.sentence], five)
    ctx = ctx_for(
        "Pemerintah Kota Bandung meluncurkan program sekolah gratis bagi seluruh warga kota. "
        "Sebanyak 12.000 siswa akan menerima bantuan pada tahun pertama. Para orang tua menyambut "
        "baik kebijakan baru pemerintah kota. Anggaran program mencapai Rp 45 miliar. Wali Kota "
        "Bandung Yana Mulyana meresmikan program sekolah gratis di Balai Kota pada Senin."
    )
    ranked = rank_sentences(ctx)
    points = [(i, ctx.sentence(i).text) for i in (4, 3, 2, 1)]
    assert [i for i, _ in spare_facts_first(ctx, ranked, points)] == [2, 3, 4, 1]


def test_session_eleven_why_question_pointing_back_and_figure_categories():
    """"Mengapa Lorenzo menyatakan dirinya memilih itu?" (round 60: chose what?) is not
    asked; a blank on a figure is counted by where its sentence stands and whether other
    figures stand beside it (reviewers judged them apart)."""
    from quizgen.bank import Item, Source
    from quizgen.engine.rank_features import item_category
    from quizgen.engine.write_relation import write_cause
    from quizgen.lang import get_pack

    ind = ctx_for(
        "Lorenzo memakai ban keras pada balapan di Qatar. Lorenzo sendiri menyatakan dirinya memilih "
        "itu karena ban keras membuat sepeda motor Ducati lebih stabil. Dovizioso naik podium kedua. "
        "Rossi finis ketiga di belakang Vinales. Marquez terjatuh pada lap kesembilan. Iannone gagal "
        "finis karena terjatuh. Balapan berikutnya digelar di Argentina."
    )
    import random

    every = sorted(rank_sentences(ind), key=lambda r: r.sentence.index)
    assert not any("memilih itu?" in d.item.prompt for d in write_cause(ind, every, every, random.Random(0)))

    sentences = [f"Sentence {i} tells something about the town and its people." for i in range(12)]
    sentences[1] = "Deaths fell from 16.4 million in 1970 to 6.8 million in 2010."
    sentences[9] = "The second test involved a lost wallet containing £5."
    text = " ".join(sentences)
    pack = get_pack("en")

    def blank(prompt: str, answer: str) -> Item:
        return Item(
            id="x", kind="cloze", prompt=prompt, answer=answer,
            options=(answer, "£10", "£7", "£30"), source=Source(text[:10], 0, 10),
        )  # fmt: skip

    early = blank("Deaths fell from _____ in 1970 to 6.8 million in 2010.", "16.4 million")
    late = blank("The second test involved a lost wallet containing _____.", "£5")
    assert item_category(early, pack, text) == "blank_number_figures"
    assert item_category(late, pack, text) == "blank_number_late_lone"


def test_session_eleven_wrong_summaries_that_dangle():
    """Blind A/B review of main-idea items (session 11): wrong summaries "A surprising
    finding, however, is ...", "Results have been mixed, though: ...", "In the meantime,
    Morocco is ...", "Nor is it clear yet ..." and "... found in that year" lean on a sentence
    the reader does not see; "to produce the same amount of protein" does not."""
    from quizgen.engine.write_main_idea import leans_on_others, points_back

    en = ctx_for("Oxytocin helped children with autism. The spray was given in 2012.", "en")
    for text in (
        "A surprising finding, however, is that oxytocin nasal spray did not change performance.",
        "Results have been mixed, though: one recent study found no significant improvement.",
        "In the meantime, Morocco is focused on using solar to meet its own needs.",
        "Nor is it clear yet if oxytocin only has benefits for people with autism.",
    ):
        assert leans_on_others(en, text), text
    assert points_back(en, "The site was originally focused on the film business and launched in that year.")
    assert not leans_on_others(en, "Insects need a quarter of the food of sheep to produce the same amount of protein.")


def test_session_eleven_seldom_kept_categories_only_fill_a_bank():
    """A category reviewers keep under a quarter of the time (an English blank on a date: 35
    of 164) fills a bank to its minimum after every other draft, never before one."""
    from quizgen.engine.builders import Draft
    from quizgen.engine.portfolio import SELDOM_KEPT, fallback_tier

    assert 0.2 < SELDOM_KEPT <= 0.3
    from quizgen.bank import Item, Source

    item = Item(id="x", kind="cloze", prompt="By _____, the sun disappears.", answer="28 September",
                options=("28 September", "28 October", "12 March", "28 December"), source=Source("x", 0, 1))  # fmt: skip
    d = Draft(item=item, sentence=0, paragraph=0, key_type="time", score=0.0, group="g")
    assert fallback_tier(d, seldom=True) > fallback_tier(d)
    path = ROOT / "tests" / "data" / "engine" / "en-norwegian-sun.txt"
    full = quizgen.generate(path, seed=0)
    # it filled the bank to six until round 87; now predicted under the fill floor, it does
    # not (test_engine_yield.test_no_draft_reviewers_would_almost_surely_reject_fills_a_bank)
    assert len(full.items) == 4 and "28 September" not in [i.answer for i in full.items]
    # four other drafts (the main idea, a figure, two statements): the date is not needed
    four = quizgen.generate(path, seed=0, count=4)
    assert len(four.items) == 4 and "28 September" not in [i.answer for i in four.items]


def test_session_eleven_short_spans_of_time_only_fill_a_bank():
    """"the town, _____ north-west of Oslo" -> three hours, "Selepas laga berjalan _____" ->
    sepuluh menit: reviewers kept 7 of 81 such items (rounds 5-63); they come after every
    other draft, a percentage does not."""
    from quizgen.bank import Item, Source
    from quizgen.engine.builders import Draft
    from quizgen.engine.portfolio import _incidental_figure

    def draft(lang: str, prompt: str, answer: str) -> tuple:
        item = Item(id="x", kind="cloze", prompt=prompt, answer=answer, options=(answer, "a", "b", "c"),
                    source=Source("x", 0, 1), skill="detail")  # fmt: skip
        return ctx_for("Teks pendek untuk konteks saja.", lang), Draft(
            item=item, sentence=0, paragraph=0, key_type="number", score=0.0, group="g"
        )

    assert _incidental_figure(*draft("en", "The town, _____ north-west of Oslo, is dark.", "three hours"))
    assert _incidental_figure(*draft("id", "Selepas laga berjalan _____, Arema menyerang.", "sepuluh menit"))
    assert not _incidental_figure(*draft("en", "Youth unemployment is _____.", "64%"))
    assert not _incidental_figure(*draft("id", "Harga naik _____.", "lima persen"))


def test_session_eleven_options_are_names_of_the_keys_kind():
    """Round 64: "Pihak mana yang telah memprediksi bulan Mei adalah awal musim kemarau?" ->
    BMKG beside a village and a clinic; "Korban luka sudah dievakuasi ke _____" -> Puskesmas
    Cililin beside agencies: the only health centre. A blank's bodies are of one kind
    (`org_classes`: health); a question's names are at least of the key's type."""
    from quizgen.engine.write_detail import names_of_one_kind

    ind = ctx_for(
        "Longsor terjadi di Kampung Jati, Kecamatan Cililin, pada Sabtu. Korban luka sudah dievakuasi "
        "ke Puskesmas Cililin. BPBD Kabupaten Bandung Barat mengevakuasi warga ke tempat aman. BMKG "
        "memprediksi bulan Mei adalah awal musim kemarau. Kementerian Sosial mengirim bantuan."
    )
    clinic = cand(ind, "Puskesmas Cililin")
    assert not names_of_one_kind(ind, clinic, ("Puskesmas Cililin", "BPBD", "BMKG"), "Puskesmas Cililin")
    assert names_of_one_kind(ind, clinic, ("Puskesmas Cililin", "BPBD", "BMKG"), "Puskesmas Cililin", kind=False)
    bmkg = cand(ind, "BMKG")
    assert names_of_one_kind(ind, bmkg, ("BMKG", "BPBD"), "BMKG")
    places = [c for c in ind.layer.candidates if c.type == "place"]
    if places:  # a village beside bodies: never, question or blank
        assert not names_of_one_kind(ind, clinic, ("Puskesmas Cililin", places[0].text), "Puskesmas Cililin", kind=False)


def test_session_eleven_no_blank_after_besides():
    """Round 65: "Selain _____, ada seorang pejabat lain yang dieksekusi mati." -> Yong Jin:
    "Selain Hwang Min, ..." is as true."""
    from quizgen.engine.write_detail import fact_key_ok

    ind = ctx_for(
        "Korea Utara mengeksekusi mati Hwang Min pada Agustus. Selain Yong Jin, ada seorang pejabat "
        "lain yang dieksekusi mati. Yong Jin tertidur dalam rapat yang dihadiri Kim Jong Un."
    )
    ranked = ranked_for(ind)
    besides = next(c for c in ind.layer.candidates if c.text == "Yong Jin" and c.sentence == 1)
    assert not fact_key_ok(ind, ranked[1], besides)


def test_session_twelve_number_options_are_written_as_the_article_writes_figures():
    """Round 67: "635 children" beside "1111 children" and "1,540 children" ("formatted
    inconsistently"); "Rp 750 ribu" beside "Rp 1310 ribu" (nobody writes that): a figure of a
    thousand or more is grouped where the article groups its figures, and a figure counted in
    thousands or millions stays under a thousand of them."""
    from quizgen.engine.distractors import distractor_pool

    en = ctx_for(
        "In 2015, SOHAY helped 1,540 children to leave hazardous work. The organization is also "
        "helping 635 children who are working in hazardous conditions to know their rights.",
        "en",
    )
    options = [d.text for d in distractor_pool(en, cand(en, "635 children"))]
    big = [t for t in options if int(t.split()[0].replace(",", "")) >= 1000]
    assert big and all("," in t.split()[0] for t in big), options
    ind = ctx_for(
        "Tiket KA Pariwisata tujuan Jakarta - Yogyakarta dipatok seharga Rp 750 ribu per penumpang. "
        "Kereta berangkat dari Stasiun Gambir setiap Jumat malam."
    )
    prices = [d.text for d in distractor_pool(ind, cand(ind, "Rp 750 ribu")) if d.origin == "rule"]
    assert prices and all(int(t.split()[1]) < 1000 for t in prices), prices


def test_session_twelve_no_count_of_things_named_before_with_tersebut():
    """"... bentrokan antara _____ masyarakat tersebut" -> dua organisasi: the two bodies the
    sentence before names give the count away ("tersebut" points back as "itu" does)."""
    from quizgen.engine.write_detail import fact_key_ok

    ind = ctx_for(
        "Massa FPI dan GMBI bentrok di Ciampea, Bogor. Polisi berupaya mencegah bentrokan antara dua "
        "organisasi masyarakat tersebut. Sebanyak 15 polisi disiagakan di markas GMBI."
    )
    ranked = ranked_for(ind)
    two, fifteen = cand(ind, "dua organisasi"), cand(ind, "15 polisi")
    assert not fact_key_ok(ind, ranked[two.sentence], two)
    assert fact_key_ok(ind, ranked[fifteen.sentence], fifteen)


def test_session_twelve_questions_on_a_day_or_month_are_counted_apart():
    """Round 68: "When was the mission given the go-ahead ...?" -> Sunday morning ("trivia"):
    English reviewers kept 5 of 29 questions answered by a day or a month, Indonesian ones 7
    of 7; the ranker counts them apart, and an English one only fills a bank to its minimum
    (kept under ``SELDOM_KEPT``), as an English blank on a date does."""
    from quizgen.engine import portfolio, rank
    from quizgen.engine.rank_features import item_category
    from quizgen.lang import get_pack

    en, ind = get_pack("en"), get_pack("id")
    when = {"kind": "mcq", "prompt": "When did the mission start?", "answer": "Sunday morning",
            "options": ["Sunday morning", "Monday morning", "Friday morning", "Tuesday morning"]}
    who = {"kind": "mcq", "prompt": "Who led the mission?", "answer": "Felix Baumgartner",
           "options": ["Felix Baumgartner", "Joe Kittinger", "Art Thompson", "Mike Todd"]}
    kapan = {"kind": "mcq", "prompt": "Kapan misi dimulai?", "answer": "Minggu pagi",
             "options": ["Minggu pagi", "Senin pagi", "Jumat pagi", "Selasa pagi"]}
    assert item_category(when, en) == "question_date"
    assert item_category(who, en) == "question"
    assert item_category(kapan, ind) == "question_date"
    assert rank.category_keep(when, "en") < portfolio.SELDOM_KEPT
    assert rank.category_keep(kapan, "id") > portfolio.SELDOM_KEPT
    june = {"kind": "cloze", "prompt": "In _____, a local group issued a dress code.", "answer": "June",
            "options": ["June", "April", "March", "August"]}
    assert item_category(june, en) == "blank_date"
    assert rank.category_keep(june, "en") < portfolio.SELDOM_KEPT
    text = "The mission started on Sunday morning. In June, a local group issued a dress code."
    ctx = ctx_for(text, "en")
    times = [d for d in drafts_for(ctx, kinds="cloze,mcq") if d.key_type == "time"]
    assert len(times) >= 2 and all(portfolio._seldom_kept(ctx, d) for d in times)


def test_session_twelve_no_half_and_double_of_a_figure_among_its_options():
    """Round 68: "16 | 42,4 | 10,6 | 21,2 juta euro" -> 21,2: half and double of the key leave
    it in the middle ("cueing the key"); a figure with decimals gets neither pair."""
    from quizgen.engine.distractors import distractor_pool

    ind = ctx_for(
        "Messi sendiri adalah pemain dengan gaji tertinggi di klub dengan nilai 21,2 juta euro. "
        "Barcelona juga sedang merayu Messi memperpanjang kontraknya."
    )
    rules = [d.text for d in distractor_pool(ind, cand(ind, "21,2 juta euro")) if d.origin == "rule"]
    values = {float(t.split()[0].replace(",", ".")) for t in rules}
    assert values and not (10.6 in values and 42.4 in values), rules


def test_session_twelve_a_main_idea_is_no_near_copy_of_its_wrong_summaries():
    """Round 70 (and 63, 66): "... by 2050" beside its own false twin "... by 2008" ("turns
    the summary into a date check"): reviewers kept 4 of 23 main ideas beside a near copy of
    the key (rounds 30-68), 62% of the others; the key's own twin is the very last resort."""
    import re

    def overlap(a: str, b: str) -> float:
        x, y = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
        return len(x & y) / len(x | y)

    bank = quizgen.generate(ROOT / "tests" / "data" / "engine" / "en-food-shortages.txt", seed=0)
    main = next(it for it in bank.items if it.skill == "main_idea")
    assert all(overlap(o, main.answer) < 0.7 for o in main.options if o != main.answer), main.options


def test_session_twelve_a_moved_opening_phrase_keeps_its_relative_clause():
    """Round 69: "In which 69 black protesters were shot dead by police, he took the difficult
    decision ... after the Sharpeville massacre." ("garbled"): an opening phrase is not moved
    to the end when a relative clause hangs on it."""
    from quizgen.engine.claims import claim_of, restate

    en = ctx_for(
        "Nelson Mandela has died at the age of 95. After the Sharpeville massacre, in which 69 black "
        "protesters were shot dead by police, he took the difficult decision to launch an armed "
        "struggle. On Monday, the ANC leaders met in Johannesburg.",
        "en",
    )
    ranked = ranked_for(en)
    assert restate(en, claim_of(en, ranked[1])).startswith("After the Sharpeville massacre, in which")
    assert restate(en, claim_of(en, ranked[2])) == "The ANC leaders met in Johannesburg on Monday."


def test_session_twelve_a_false_statement_explains_itself_without_empty_slots():
    """The bundled bank showed "Salah. Artikel menyebut , bukan : “...”" under a false
    statement: the twin of a claim names no single key, so its explanation is the pack's
    plain wording."""
    for path in (ROOT / "tests" / "data" / "id-kim-putin-2024.txt", ROOT / "tests" / "data" / "engine" / "en-norwegian-sun.txt"):
        bank = quizgen.generate(path, seed=7, kinds="true_false")
        false = [it for it in bank.items + bank.alternates if it.kind == "true_false" and it.answer == it.options[1]]
        assert false, path.name
        for it in false:
            assert " , " not in it.explanation and " :" not in it.explanation, it.explanation
            assert it.source.sentence.strip() in it.explanation


OPENING_CASES = [
    # (article, main-idea key before session 13, at sentence index / paragraph)
    ("engine/en-food-shortages.txt", "Dire warnings of water scarcity"),  # 4 / 4
    ("engine/id-samsung-note.txt", "Banyak orang sebelumnya percaya Samsung"),  # 8 / 2
    ("lang/onestopenglish-adv-kenya.txt", "Human rights activists in Kenya estimate"),  # 3 / 2
    ("text/onestopenglish-adv-malala.txt", "The event, dubbed Malala Day"),  # 6 / 4
]


@pytest.mark.parametrize("name,old_key", OPENING_CASES, ids=[c[0] for c in OPENING_CASES])
def test_session_thirteen_a_main_idea_key_comes_from_the_opening(name, old_key):
    """Rounds 30-72: a main-idea key past the article's opening (its first three sentences,
    its first two paragraphs) was kept 9% of 91 times in English ("key describes the control
    group, not a summary") and 29% of 45 in Indonesian ("Canggu berada di antara Seminyak dan
    Tanah Lot"), against 64-69% for keys of the first three sentences. Each of these articles
    had such a key before; now the key is a claim of the opening, or the bank has none."""
    from quizgen.text import analyse

    path = ROOT / "tests" / "data" / name
    bank = quizgen.generate(quizgen.load_article(path), seed=0)
    sentences = analyse(quizgen.load_article(path)).sentences
    for it in [*bank.items, *bank.alternates]:
        if it.skill != "main_idea":
            continue
        assert not it.answer.startswith(old_key)
        s = next(s for s in sentences if s.start <= it.source.start < s.end)
        assert s.index < 3 or s.paragraph < 2, (s.index, s.paragraph, it.answer)


def test_session_thirteen_a_plain_news_lead_is_the_key_where_no_opening_claim_holds_the_topic():
    """Indonesian news opens on the news (``main_idea_plain_lead``): where no claim of the
    opening holds the article's topic words, the first sentence's claim is the key (the
    Samsung article: "Samsung selangkah lagi bakal meresmikan phablet terbarunya."); English
    features open on a hook ("When the Taliban sent a gunman to shoot Malala ..."): no main
    idea then."""
    bank = quizgen.generate(ROOT / "tests" / "data" / "engine" / "id-samsung-note.txt", seed=0)
    main = [it for it in bank.items if it.skill == "main_idea"]
    assert [it.answer for it in main] == ["Samsung selangkah lagi bakal meresmikan phablet terbarunya."]
    bank = quizgen.generate(ROOT / "tests" / "data" / "text" / "onestopenglish-adv-malala.txt", seed=0)
    assert not [it for it in bank.items if it.skill == "main_idea"]


def test_session_thirteen_a_false_statement_never_swaps_out_the_articles_own_place():
    """Rounds 73-74: "The growing of coca leaves is legal and licensed in Russia." in an article
    about Bolivia, "Pemilik sekaligus koki makanan India" in one about a Turkish restaurant:
    "obviously false from the premise". A place the article mentions five times or more, more
    than any other, is never swapped out; a place of the story named once still is."""
    from quizgen.engine.claims import claim_of, falsify

    text = (
        "Bolivia has asked the United Nations to let its people chew coca leaves. "
        "The government of Bolivia says chewing the leaves is an old tradition. "
        "In Bolivia, the growing of coca leaves on 12,000 hectares is legal and licensed by the state. "
        "Farmers in Bolivia sell the leaves of 3,000 hectares at markets in La Paz. "
        "Russia opposed the request at a meeting in Vienna last year. "
        "Italy stayed away from the vote in Vienna. "
        "Officials in Bolivia said they would leave the convention if the request failed."
    )
    ctx = ctx_for(text, "en")
    ranked = ranked_for(ctx)
    bolivia = [c for c in ctx.layer.candidates if c.text == "Bolivia"]
    assert len(bolivia) >= 5
    claim = claim_of(ctx, ranked[2])
    twins = [f.text for f in falsify(ctx, claim)]
    assert twins  # another of its facts is swapped ("3,000 hectares")
    assert all("Bolivia" in t for t in twins), twins


def test_session_thirteen_the_ranker_sees_a_false_statement_swap_out_the_articles_subject():
    """The ranker's ``swaps_out_topic`` feature: log(1 + mentions) of the name a false
    statement swaps out; 0 for a statement that swaps in a name for a rarely named one, or
    only moves the sentence's words."""
    import math

    from quizgen.engine.rank_features import swapped_out_mentions

    article = (
        "Bolivia wants the right to chew coca leaves. Bolivia left the convention in 2011. "
        "Leaders in Bolivia met in La Paz. Bolivia rejoined in 2013 after a vote. "
        "The growing of coca leaves is legal and licensed in Bolivia. Russia opposed Bolivia's demands."
    )
    assert swapped_out_mentions("The growing of coca leaves is legal and licensed in Russia.", article) == math.log1p(6)
    assert swapped_out_mentions("Bolivia opposed Russia's demands.", article) == 0.0  # roles only
    assert swapped_out_mentions("Italy opposed Bolivia's demands.", article) == math.log1p(1)


@NEEDS_CORPUS
def test_session_thirteen_an_article_that_gives_nothing_else_keeps_its_main_idea_past_the_opening():
    """The Salshabilla article (a short interview) gives no item but its main idea, whose key
    stands in the third paragraph ("the best available summary": kept in rounds 47, 48, 50):
    such a main idea over no quiz at all, asked again only when nothing else can be made."""
    path = next((SHARED / "corpus" / "id-news").glob("indosum-1496093400-salshabilla-*.txt"))
    bank = quizgen.generate(path.read_text(encoding="utf-8"), language="id", seed=0)
    assert [it.skill for it in bank.items] == ["main_idea"]
    assert bank.items[0].answer.startswith("Dengan jadwal shooting yang padat selama bulan Ramadhan")


def test_session_thirteen_connectives_that_lean_on_another_sentence():
    """Rounds 72-76: "What is more, there were no dates in his calendar ..." and "Sama halnya
    dengan kasus ..." as wrong summaries ("a dangling 'What is more'"): "what is more" is an
    opener a claim drops; "similarly", "in other words", "selain", "sama halnya" mark a claim
    that leans on another, whatever punctuation follows them."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.write_main_idea import leans_on_others

    en = ctx_for(
        "The Pope announced his resignation on Monday. What is more, there were no dates in the "
        "calendar of events the Pope had to attend.",
        "en",
    )
    claim = claim_of(en, ranked_for(en)[1])
    assert claim is not None and claim.text.startswith("There were no dates")
    assert leans_on_others(en, "In other words, do not go trekking near the border.")
    assert leans_on_others(en, "Similarly, the police closed the road.")
    ind = ctx_for("Sama halnya dengan kasus runtuhnya gedung di Nairobi pada Mei silam.", "id")
    assert leans_on_others(ind, "Sama halnya dengan kasus runtuhnya gedung di Nairobi pada Mei silam.")
    assert leans_on_others(ind, "Selain di Jakarta, Wavecell telah membangun enam kantor.")
    assert not leans_on_others(ind, "Wavecell telah membangun enam kantor di Asia.")


def test_session_thirteen_a_fragment_is_never_the_main_idea_where_a_claim_stands_alone():
    """Rounds 44, 60, 76 and 78 rejected "Repot karena setiap kali pengguna hendak memainkan
    game ..." as the Oculus article's main idea ("a fragment", "the old problem, not the
    news"): a claim continuing the sentence before, or whose subject points back, is never the
    key where a claim of the opening stands alone."""
    from quizgen.engine.write_main_idea import main_candidates

    ctx = ctx_for(
        "Oculus merilis pembaruan 1.17 untuk perangkat Rift pada Selasa. Pembaruan itu membawa "
        "fitur Parties untuk percakapan suara. Repot karena setiap kali pengguna hendak memainkan "
        "game dari luar Oculus Store, mereka harus melepas headset. Kini pengguna dapat menjalankan "
        "game dari Steam tanpa melepas headset."
    )
    keys = [c.text for _f, _rs, c in main_candidates(ctx, list(ranked_for(ctx).values()))]
    assert keys and not any(k.startswith("Repot karena") for k in keys), keys


def test_session_fourteen_invented_figures_stay_near_the_key():
    """"390 negara" for the 195 countries of the Paris agreement, "86 tahun" for an age of 43
    (round 79-80: "absurd, eliminated by general knowledge"): invented figures stay within
    0.6 and 1.5 times the key, and a round figure keeps three round neighbours."""
    import random

    from quizgen.engine.distractors import _number_pool

    for text, key, lang in (
        ("Kesepakatan Paris disepakati oleh 195 negara pada 2015.", "195 negara", "id"),
        ("Hosaka kini berusia 43 tahun dan tinggal di Tokyo.", "43 tahun", "id"),
        ("The school has 100 pupils in total.", "100 pupils", "en"),
        ("The ticket costs 12.5 dollars.", "12.5 dollars", "en"),
    ):
        ctx = ctx_for(text, lang)
        cand = next(c for c in ctx.layer.candidates if c.text == key)
        value = float(key.split()[0])
        for seed in range(5):
            pool = [d.text for d in _number_pool(ctx, cand, random.Random(seed)) if d.origin == "rule"]
            values = [float(p.split()[0]) for p in pool]
            assert len(set(values)) >= 3, (key, pool)
            assert all(0.55 * value <= v <= 1.55 * value and v != value for v in values), (key, pool)


def test_session_fourteen_questions_answered_by_a_count_are_counted_apart():
    """English reviewers kept 16 of 92 questions answered by a count ("How many months did
    Duran spend in prison ...?", "verbatim number recall"), Indonesian ones 81 of 189: a
    category of their own, each language its rate; English ones never fill a bank."""
    from quizgen.engine import portfolio, rank
    from quizgen.engine.rank_features import item_category
    from quizgen.lang import get_pack

    months = {"kind": "mcq", "prompt": "How many months did Duran spend in prison?", "answer": "two months",
              "options": ["two months", "three months", "four months", "five months"]}  # fmt: skip
    year = {"kind": "mcq", "prompt": "In which year was Duran arrested?", "answer": "2009",
            "options": ["2009", "2008", "2007", "2006"]}  # fmt: skip
    berapa = {"kind": "mcq", "prompt": "Berapa korban yang dievakuasi?", "answer": "12 orang",
              "options": ["12 orang", "8 orang", "15 orang", "10 orang"]}  # fmt: skip
    en, ind = get_pack("en"), get_pack("id")
    assert item_category(months, en) == "question_number"
    assert item_category(year, en) == "question"
    assert item_category(berapa, ind) == "question_number"
    assert rank.category_keep(months, "en") < portfolio.CATEGORY_FLOOR
    assert rank.category_keep(berapa, "id") > portfolio.SELDOM_KEPT


def test_session_fourteen_an_owned_subject_before_an_adverb_points_back():
    """"Tampilannya kini telah dirombak habis ..." was the Google Calendar article's main idea
    (round 78: "'Tampilannya' has no referent"): an owned subject points back past a clause
    adverb the tagger may call a noun; "Awalnya hanya tersedia ..." (an adverb) does not."""
    from quizgen.engine.claims import owner_points_back

    ind = ctx_for("Google merilis Calendar versi baru.")
    assert owner_points_back(ind, "Tampilannya kini telah dirombak habis, mengadopsi gaya desain modern.")
    assert owner_points_back(ind, "Hasilnya membuktikan bahwa vaksin itu aman.")
    assert owner_points_back(ind, "Kariernya di FIFA pun berakhir tragis.")
    assert not owner_points_back(ind, "Awalnya hanya tersedia di Windows, asisten virtual Cortana kini hadir di Android.")
    assert not owner_points_back(ind, "Setibanya di rumah sakit, Nia langsung diperiksa dokter.")


def test_session_fourteen_a_lone_figure_aside_from_the_topic_is_counted_apart():
    """"... a computer game called Never End that they played for _____" -> seven minutes:
    English reviewers kept 18% of 120 lone figures late in the article whose sentence holds
    hardly any of its topic words, 26% of 410 others: a category of its own, under the floor
    in English (it fills no bank)."""
    from quizgen.engine import portfolio, rank
    from quizgen.engine.rank_features import item_category, topic_share
    from quizgen.lang import get_pack

    en = get_pack("en")
    text = " ".join(
        [f"The study of video games by the researchers found players remember faces, {n}." for n in range(8)]
        + [f"Memory in the brain changes on screen, the study of players said, {n}." for n in range(8)]
        + ["In the end the researchers found players of video games remember eight faces on a screen."]
        + ["The team also asked some people about a puzzle called Never End that they played for seven minutes."]
    )
    aside = {"kind": "cloze", "prompt": "Some people played a puzzle called Never End for _____.",
             "answer": "seven minutes", "options": ["seven minutes", "six minutes", "ten minutes", "eight minutes"]}  # fmt: skip
    topical = {"kind": "cloze", "prompt": "The researchers found players of video games remember _____ on a screen.",
               "answer": "eight faces", "options": ["eight faces", "six faces", "ten faces", "five faces"]}  # fmt: skip
    assert topic_share("The researchers found players remember eight faces after video games.", text, en) >= 0.2
    assert topic_share("Some people played a puzzle called Never End for seven minutes.", text, en) < 0.2
    assert item_category(aside, en, text) == "blank_number_late_lone_aside"
    assert item_category(topical, en, text) == "blank_number_late_lone"
    assert rank.category_keep(aside, "en", text) < portfolio.CATEGORY_FLOOR <= rank.category_keep(topical, "en", text)


def test_session_fourteen_two_items_show_the_same_claims_only_to_reach_the_minimum():
    """"Reuses 5.4's three distractors verbatim" (round 80): reviewers kept 48% of 124
    Indonesian sentence-option items showing claims of two or more sentences another such item
    shows, 60% of the others. Such a pair is made only where the bank reaches its minimum no
    other way: the sample (seed 7) needs it for seven items, not for five, nor (since the
    ranker of session 19) for its default six."""
    sample = ROOT / "tests" / "data" / "id-kim-putin-2024.txt"

    def most_shared(bank) -> int:
        wide = [it for it in bank.items if it.kind == "mcq" and it.skill in ("main_idea", "statement", "relation")]
        return max([len(set(a.options) & set(b.options)) for i, a in enumerate(wide) for b in wide[i + 1 :]] or [0])

    seven = quizgen.generate(sample, seed=7, count=7)
    assert len(seven.items) == 7 and most_shared(seven) >= 2
    six = quizgen.generate(sample, seed=7)
    assert len(six.items) == 6 and most_shared(six) < 2
    five = quizgen.generate(sample, seed=7, count=5)
    assert len(five.items) == 5 and most_shared(five) < 2


def test_session_fourteen_one_name_written_two_ways_and_outlets_named_as_such():
    """Round 82: "Bhayangkari Ramadniya" beside the key "Bhayangkariwati Ramadniya" (the
    article wrote the baby's name both ways) is the same name, never a distractor; round 81:
    "Kicker", named only as "Situs berita Jerman, Kicker", is an outlet, never an option among
    players."""
    from quizgen.engine.distractors import news_source
    from quizgen.engine.textutil import near_duplicate

    assert near_duplicate("Bhayangkari Ramadniya", "Bhayangkariwati Ramadniya")
    assert not near_duplicate("Kim Jong Un", "Kim Jong Il")
    assert not near_duplicate("Manchester United", "Manchester City")
    ind = ctx_for(
        "Situs berita Jerman, Kicker, mengklaim harga Aubameyang mencapai 70 juta euro. Mario Goetze "
        "sudah pindah ke Bayern Muenchen."
    )
    assert news_source(ind, "Kicker") and not news_source(ind, "Mario Goetze")
    en = ctx_for("The German magazine Kicker said Aubameyang would leave. Mario Goetze left in 2013.", "en")
    assert news_source(en, "Kicker") and not news_source(en, "Mario Goetze")


def test_session_fourteen_a_restated_claim_never_repeats_a_short_name():
    """"... penyanyi rapper Iwa Kusuma alias Iwa K, ..." restated as "Iwa alias Iwa K" (round 84:
    "garbles the name"): a name is not shortened where the claim already holds the short form."""
    claim, restated = lead_restated(
        "Sidang putusan atas perkara penyalahgunaan ganja yang melibatkan penyanyi rapper Iwa Kusuma "
        "alias Iwa K, akhirnya telah selesai digelar. Sidang yang dimulai sekitar pukul 13.40 WIB itu "
        "berlangsung tak sampai 30 menit. Vonis yang diberikan majelis hakim tersebut lebih ringan dari "
        "tuntutan JPU, yang mengingkan Iwa diganjar hukuman 8 bulan rehabilitasi."
    )
    assert "Iwa Kusuma alias Iwa K" in claim and "Iwa alias" not in restated


def lead_restated(text: str) -> tuple[str, str]:
    """The claim of an Indonesian text's first sentence and its restatement."""
    from quizgen.engine.claims import claim_of, restate

    ctx = ctx_for(text)
    claim = claim_of(ctx, ranked_for(ctx)[0])
    assert claim is not None
    return claim.text, restate(ctx, claim)


@pytest.mark.parametrize(
    "lang,text,key,worked",
    [
        # round 48n and five more: "lets students compute 16.4 million without the article"
        ("en", "There has been a drop in deaths among under-fives of nearly 60%, from 16.4 million in 1970 to "
         "6.8 million in 2010.", "16.4 million", True),
        # round 73: "1,33T to 1,52T is about 14%, computable without reading"
        ("id", "Laba usaha meningkat 13,9 persen menjadi Rp 1,52 triliun dari Rp 1,33 triliun.", "13,9 persen", True),
        ("id", "Laba usaha meningkat 13,9 persen menjadi Rp 1,52 triliun dari Rp 1,33 triliun.", "Rp 1,52 triliun", True),
        # round 13: "15 games, 1 win, 6 draws, so 8 is just arithmetic"
        ("id", "Spurs hanya menang 1 kali dalam 15 pertandingan terakhir dengan 6 kali imbang dan 8 kali kalah.",
         "8 kali", True),
        ("en", "The company employs 900 people and runs 45 offices in 12 countries.", "45 offices", False),
        ("en", "Sales rose 8% to 220 units, and the firm hired 30 people.", "30 people", False),
    ],
)  # fmt: skip
def test_session_fifteen_a_figure_the_stem_lets_a_reader_work_out_is_not_asked(lang, text, key, worked):
    """A figure a student works out from the other figures of its sentence (a difference, a
    rate between two amounts, an amount changed by a rate) is "guessable without reading"."""
    from quizgen.engine.write_detail import worked_out

    ctx = ctx_for(text, lang)
    cand = next(c for c in ctx.layer.candidates if c.text == key)
    assert worked_out(ctx, cand) is worked


def test_session_fifteen_a_blank_before_a_bracket_that_glosses_it_is_not_asked():
    """Round 88: "Kementerian Ketenagakerjaan RI membentuk _____ (gugus tugas)" -> task force,
    "answer given away in the prompt"; reviewers kept 1 of 22 blanks right before a bracket
    ("Left without a _____ (none are made in France)", "dibayar _____ (Rp 200 juta)")."""
    from quizgen.engine.write_detail import glossed

    ctx = ctx_for(
        "Kementerian Ketenagakerjaan RI membentuk task force (gugus tugas) sebagai tim reaksi cepat. "
        "Tim itu bekerja sama dengan task force dari kepolisian di Jakarta."
    )
    first, second = [c for c in ctx.layer.candidates if c.text == "task force"][:2]
    assert glossed(ctx, first) and not glossed(ctx, second)
    drafts = drafts_for(ctx, kinds="cloze")
    assert not [d for d in drafts if d.item.answer_span == (first.start, first.end)]


def test_session_fifteen_an_indonesian_key_of_what_has_already_happened_gives_way():
    """Round 87: "Polisi telah menyita sedikitnya 14 ribu paspor ..." keyed as the main idea
    of an article about returning the passports ("key is background"): Indonesian keys holding
    "telah", "sudah" or "merupakan" were kept 18 of 68 times over rounds 30-87 (59% of all).
    Such a claim weighs less as a key (the pack's ``background_aspect``); English has none."""
    from quizgen.engine.write_main_idea import _past_or_state

    ind = ctx_for("Polisi telah menyita sedikitnya 14 ribu paspor calon jemaah.")
    assert _past_or_state(ind, "Polisi telah menyita sedikitnya 14 ribu paspor calon jemaah.")
    assert not _past_or_state(ind, "Polisi akan mengembalikan paspor calon jemaah mulai Kamis.")
    eng = ctx_for("The police have seized 14,000 passports.", "en")
    assert not _past_or_state(eng, "The police have seized 14,000 passports.")
    bank = quizgen.generate(ROOT / "tests" / "data" / "engine" / "id-first-travel-passports.txt", seed=3)
    main = next(it for it in bank.items if it.skill == "main_idea")
    assert main.answer.startswith("Kanit V Subdit V") and "pengembalian paspor" in main.answer


def test_session_fifteen_a_main_idea_takes_three_options_before_a_fragment():
    """Rounds 89-90: "one is an ungrammatical fragment ('Bagi warga ... untuk mewaspadai')",
    "context-bound fragments nobody would choose": where few true points of the article make
    clean wrong summaries, the item takes three options (Indonesian main ideas with three were
    kept 59% of 63 times over rounds 50-90, with four 60% of 242) before one pointing back, and
    never a phrase without a subject; false twins of other claims only for a second option."""
    bank = quizgen.generate(ROOT / "tests" / "data" / "engine" / "id-bandung-storm.txt", seed=0)
    main = next(it for it in bank.items if it.skill == "main_idea")
    wrong = [o for o in main.options if o != main.answer]
    assert len(wrong) >= 2
    assert not [o for o in wrong if o.startswith("Bagi warga")]
    assert "Masyarakat pun diminta waspada jika terjadi hujan lebat dan menjauhi daerah sekitar aliran sungai." in wrong


def test_session_fifteen_an_english_key_naming_a_passing_person_weighs_less():
    """Rounds 88-92: "Key is the opening anecdote, not a summary" (Galina Zaglumyonova woken by
    the meteorite's blast), "Key is only his motive" (Limal): English news keys naming a person
    the article mentions three times or fewer were kept 7 of 59 times over rounds 40-92, others
    59%. Such a claim weighs less as a key in English (``main_idea_passing_person``); the
    article's own subject, mentioned throughout, does not."""
    from quizgen.engine.claims import claim_of
    from quizgen.engine.write_main_idea import _passing_person
    from quizgen.lang import get_pack

    text = (
        "Galina Zaglumyonova was woken in her flat in Chelyabinsk by an enormous explosion. "
        "A meteorite exploded over the Russian city of Chelyabinsk on Friday, injuring 1,200 people. "
        "Vladimir Putin said the government would help the city. Putin spoke to the governor. "
        "Putin also asked scientists to study the meteorite. Officials said Putin would visit soon."
    )
    ctx = ctx_for(text, "en")
    ranked = ranked_for(ctx)
    anecdote, news, putin = (claim_of(ctx, ranked[i]) for i in (0, 1, 2))
    assert _passing_person(ctx, anecdote)
    assert not _passing_person(ctx, news) and not _passing_person(ctx, putin)
    assert get_pack("en").templates["main_idea_passing_person"] > 0
    assert "main_idea_passing_person" not in get_pack("id").templates


def test_session_fifteen_a_count_of_one_goal_is_not_asked():
    """"Tertinggal _____ membuat Persela menaikkan tempo permainannya." -> satu gol: "the
    natural default" (rounds 87, 92), "masing-masing mencetak _____" -> satu gol with four
    scorers in a 4-0 (rounds 84, 92): reviewers kept 1 of 7 such blanks and questions. "satu
    gol" / "one goal" are common figures of their packs: never blanked nor asked."""
    from quizgen.lang import get_pack

    ctx = ctx_for(
        "Persela Lamongan tertinggal satu gol dari Persipura Jayapura di Stadion Mandala. "
        "Tertinggal satu gol membuat Persela menaikkan tempo permainannya pada babak kedua."
    )
    drafts = drafts_for(ctx, kinds="cloze,mcq")
    assert not [d for d in drafts if d.item.answer in ("satu gol",)]
    assert "one goal" in get_pack("en").templates["common_figures"]


def test_session_fifteen_who_is_asked_only_of_a_subject_said_to_be_a_person():
    """Rounds 88 and 94: "Who is a religion of peace, humanity and brotherhood?" -> Islam (the
    name typer took Islam for a person): "'Who is a religion' is wrong; only Islam is a
    religion, so guessable". After a copula (the pack's ``copulas``) the noun the subject is
    said to be must name a person ("a 40-year-old artist"); other verbs are not checked."""
    from quizgen.engine.questions import _predicate_names_a_person

    ctx = ctx_for("Islam is a religion of peace. Martin Andersen is a 40-year-old artist.", "en")
    assert not _predicate_names_a_person(ctx, " is a religion of peace, humanity and brotherhood.")
    assert _predicate_names_a_person(ctx, " is a 40-year-old artist who moved to Rjukan in 2001.")
    assert _predicate_names_a_person(ctx, " lodged objections to the bid.")
    ind = ctx_for("Joao Aroso adalah pelatih fisik timnas Portugal.")
    assert _predicate_names_a_person(ind, " adalah pelatih fisik timnas Portugal.")
    assert not _predicate_names_a_person(ind, " adalah perusahaan rintisan asal Bandung.")
    text = (ROOT / "tests" / "data" / "text" / "onestopenglish-adv-malala.txt").read_text(encoding="utf-8")
    bank = quizgen.generate(text, language="en", seed=0)
    assert not [it for it in [*bank.items, *bank.alternates] if it.prompt.startswith("Who is a religion")]


def test_session_sixteen_berapa_is_not_asked_inside_a_clause_it_hangs_on():
    """Round 96: "Para peneliti menemukan fakta bahwa berapa persen partisipan adalah ..."
    ("unnatural"), "karena dalam berapa partai ... berakhir" ("clumsy"): a number asked in
    place after a subordinator of the pack's ``number_in_situ_not_after`` ("bahwa",
    "karena", ...) is no question; a blank may still be."""
    from quizgen.engine.questions import number_question

    ctx = ctx_for(
        "Para peneliti menemukan fakta bahwa 28 persen partisipan adalah mantan anak Pramuka. "
        "Harga cabai di Pasar Induk naik 28 persen pada pekan lalu."
    )
    ranked = ranked_for(ctx)
    inside = next(c for c in ctx.by_sentence[0] if c.type == "number")
    main = next(c for c in ctx.by_sentence[1] if c.type == "number")
    assert number_question(ctx, ranked[0], inside) is None
    q = number_question(ctx, ranked[1], main)
    assert q is not None and "naik berapa persen" in q.prompt


def test_session_sixteen_a_leading_phrase_ends_after_its_place_name():
    """Rounds 79, 84, 89, 93: "Spanyol pada Maret 2005, para pecinta fanatik catur ..." as a
    main-idea option ("a broken fragment"): the leading phrase "Sejak dia mundur dari sebuah
    turnamen di Linares, Spanyol pada Maret 2005," was cut at its first comma, inside the
    place name. A segment opening on a place of the gazetteer, without a verb, belongs to it."""
    from quizgen.engine.claims import claim_of

    ctx = ctx_for(
        "Kasparov mendominasi catur dari 1985 sampai 2000. "
        "Sejak dia mundur dari sebuah turnamen di Linares, Spanyol pada Maret 2005, "
        "para pecinta fanatik catur dunia kehilangan pemain terbaik mereka."
    )
    claims = [claim_of(ctx, rs) for rs in rank_sentences(ctx)]
    assert not [c for c in claims if c is not None and c.text.startswith("Spanyol")]
    from quizgen.engine.claims import _past_apposition

    rest = "Spanyol pada Maret 2005, para pecinta catur kehilangan idola."
    assert _past_apposition(ctx, rest) == "para pecinta catur kehilangan idola."
    rest = "Presiden Joko Widodo, yang hadir, meresmikan gedung."
    assert _past_apposition(ctx, rest) == rest


def test_session_sixteen_a_coach_asked_is_not_one_coach_among_players():
    """Rounds 88 and 95: "skuat asuhan _____ berhasil menyamakan kedudukan" -> Jose Mourinho
    among three players ("'Skuat asuhan' needs a coach; Mourinho is the only coach among
    options"). The word before a name (the pack's ``person_sides``) tells a coach from a
    player; a coach asked takes only coaches as options, a player asked takes players first."""
    from quizgen.engine.distractors import distractor_pool, person_side

    ctx = ctx_for(
        "Manajer Manchester United, Jose Mourinho, memuji penampilan Paul Pogba. "
        "Pelatih Stoke City Mark Hughes kecewa dengan hasil imbang itu. "
        "Gol Stoke dicetak oleh Eric Choupo-Moting setelah mengalahkan Eric Bailly. "
        "Skuat asuhan Jose Mourinho menyamakan kedudukan lewat Marcus Rashford. "
        "Paul Pogba dan Marcus Rashford bermain penuh, sedangkan Eric Bailly diganti."
    )
    assert person_side(ctx, "Jose Mourinho") == "coach"
    assert person_side(ctx, "Mark Hughes") == "coach"
    assert person_side(ctx, "Paul Pogba") is None
    coach = next(c for c in ctx.layer.candidates if c.text == "Jose Mourinho" and c.sentence == 3)
    options = [d.text for d in distractor_pool(ctx, coach)]
    assert options and all(person_side(ctx, o) == "coach" for o in options)
    player = next(c for c in ctx.layer.candidates if c.text == "Marcus Rashford" and c.sentence == 3)
    options = [d.text for d in distractor_pool(ctx, player)]
    coaches = [i for i, o in enumerate(options) if person_side(ctx, o)]
    assert coaches == [] or min(coaches) > max(i for i, o in enumerate(options) if not person_side(ctx, o))
    lineup = ctx_for("Susunan pemain:\nFitrul Rustapa, Jeki Arisandi, Gancev\nPelatih: Hanafi")
    assert person_side(lineup, "Hanafi") == "coach" and person_side(lineup, "Fitrul Rustapa") is None


def test_session_sixteen_one_of_a_doubles_pair_is_never_swapped():
    """Rounds 86, 92, 96: "Bodin Issara/Muhammad Rian Ardianto ditaklukkan ..." ("scrambled
    name pairs across nations; absurd pairing obvious"): a name joined to another by "/" is
    half of a pair; a false statement does not swap it."""
    from quizgen.engine.claims import claim_of, falsify

    ctx = ctx_for(
        "Ganda putra Fajar Alfian/Muhammad Rian Ardianto ditaklukkan Bodin Issara/Nipitphon Phuangphuapet "
        "di partai kedua pada Rabu malam. "
        "Fajar Alfian mengaku tegang sepanjang pertandingan. Bodin Issara bermain sangat tenang di lapangan. "
        "Muhammad Rian Ardianto berjanji tampil lebih baik. Nipitphon Phuangphuapet senang dengan hasil itu."
    )
    pairs = ("Fajar Alfian/Muhammad Rian Ardianto", "Bodin Issara/Nipitphon Phuangphuapet")
    twins = []
    for rs in rank_sentences(ctx):
        claim = claim_of(ctx, rs)
        if claim is not None and pairs[0] in claim.text:
            twins += [t.text for t in falsify(ctx, claim)]
    assert all(pairs[0] in t and pairs[1] in t for t in twins), twins


def test_session_sixteen_two_statement_items_of_a_bank_are_worded_apart():
    """The Rjukan bank asked "According to the article, which of the following is false?"
    twice (itemcheck: duplicate item): a statement question reworded in a first selection
    that was not kept kept its new wording in the second. The wording is set once the
    selection is made. (Since session 17 the Rjukan bank holds one statement item; the
    sample's bank holds two.)"""
    for path in (ROOT / "tests" / "data" / "engine" / "en-norwegian-sun.txt", ROOT / "tests" / "data" / "id-kim-putin-2024.txt"):
        for seed in (0, 7):
            bank = quizgen.generate(path, seed=seed)
            prompts = [it.prompt for it in bank.items]
            assert len(prompts) == len(set(prompts)), prompts
    assert sum(it.skill == "statement" and it.kind == "mcq" for it in bank.items) >= 2


def test_session_sixteen_who_also_did_it_is_not_swapped():
    """Round 97: "Michael Essien juga mengatakan bangga menjadi bagian dari Go-Jek Indonesia."
    keyed false ("the article never states Essien's view; unstated rather than false"): a
    person said to "also" have done something (the pack's ``additive_markers`` right after the
    name) is not swapped for another, who may have done it as well."""
    text = (
        "Michael Essien mengaku senang bermain futsal bersama karyawan Go-Jek di Jakarta. "
        "Dani Hamdani juga mengatakan bangga menjadi bagian dari Go-Jek Indonesia. "
        "Michael Essien tiba di Jakarta pada Minggu pagi bersama Dani Hamdani."
    )
    claim, twins = twins_of(text, 1)
    assert "Dani Hamdani juga" in claim and not [t for t in twins if "Michael Essien juga" in t]
    assert [t for t in twins_of(text, 0)[1] if t.startswith("Dani Hamdani mengaku")]


def test_session_sixteen_once_counts_in_a_figure_worked_out():
    """Round 97: "Spurs hanya menang sekali dalam 15 pertandingan ... dengan enam hasil imbang
    dan _____ kekalahan" -> delapan kali ("solvable by arithmetic from the prompt"): "sekali"
    (the pack's ``once_words``) is a count of one; a part is worked out from the whole and the
    other parts, and the whole from its three parts."""
    ctx = ctx_for(
        "Pertama, Spurs hanya menang sekali dalam 15 pertandingan terakhir di White Hart Lane "
        "dengan enam hasil imbang dan delapan kali kekalahan."
    )
    figures = {c.text: c for c in ctx.layer.candidates if c.type == "number"}
    assert worked_out(ctx, figures["delapan kali"]) and worked_out(ctx, figures["15 pertandingan"])
    plain = ctx_for("Spurs menang dalam 15 pertandingan dengan enam hasil imbang dan delapan kali kekalahan.")
    eight = next(c for c in plain.layer.candidates if c.text == "delapan kali")
    assert not worked_out(plain, eight)


def test_session_sixteen_a_competition_is_not_asked_among_clubs():
    """Rounds 87 and 97: "Sebab jika memang Hazard ingin meraih trofi _____" -> Liga Champions
    among Real Madrid, Chelsea and a newspaper ("only 'Liga Champions' is a trophy among the
    options"): a competition (the pack's ``org_classes`` "competition": liga, piala, cup,
    league) is a body of its own kind, never asked among clubs."""
    from quizgen.engine.write_detail import names_of_one_kind, org_class

    ctx = ctx_for(
        "Eden Hazard ingin meraih trofi Liga Champions bersama Real Madrid. "
        "Chelsea belum pernah menjual Hazard kepada Real Madrid. Chelsea juara Liga Inggris."
    )
    assert org_class(ctx, "Liga Champions") == "competition" and org_class(ctx, "Real Madrid") == ""
    key = next(c for c in ctx.layer.candidates if c.text == "Liga Champions")
    assert key.type == "organisation"
    assert not names_of_one_kind(ctx, key, ("Liga Champions", "Real Madrid", "Chelsea"), "Liga Champions")
    assert org_class(ctx_for("The club won the Champions League.", "en"), "Champions League") == "competition"


def test_session_sixteen_two_people_change_places_only_where_gender_allows():
    """Round 97: "... ketika aktris Weinstein mengunggah sebuah pernyataan ..." (the producer
    and the actress swapped: "obviously false without reading"): two people of a claim change
    places only where each may stand where the other's gendered noun or pronoun is."""
    claim, twins = twins_of(
        "Produser Harvey Weinstein dipastikan tidak hadir di acara itu. "
        "Rumor akan keberadaan Weinstein berhembus ketika aktris Rosanna Arquette mengunggah sebuah pernyataan. "
        "Rosanna Arquette adalah aktris yang vokal. Weinstein membantah rumor itu pada Jumat.",
        1,
    )
    assert "aktris Rosanna Arquette" in claim and not [t for t in twins if "aktris Weinstein" in t]


def twins_of(text: str, index: int) -> tuple[str, list[str]]:
    """The claim of an Indonesian text's sentence ``index`` and its false twins' texts."""
    from quizgen.engine.claims import claim_of, falsify

    ctx = ctx_for(text)
    claim = claim_of(ctx, ranked_for(ctx)[index])
    assert claim is not None
    return claim.text, [t.text for t in falsify(ctx, claim)]


def test_session_seventeen_a_figure_swapped_in_keeps_the_order_of_the_claims_figures():
    """Rounds 100 and 101: "The new method is over 70% reliable – the polygraph is only 80%
    reliable." keyed false ("self-contradictory, spot-the-change"): a figure swapped into a
    claim keeps the order of the claim's figures of its unit, so the claim's own words ("only",
    "meningkat dari ... menjadi") never give the false one away."""
    from quizgen.engine.claims import order_turned

    ctx = ctx_for("Margin laba bersih meningkat dari 6,6 persen menjadi 6,8 persen.")
    base = "Margin laba bersih meningkat dari 6,6 persen menjadi 6,8 persen"
    assert order_turned(ctx, base, base.replace("6,6", "11"))
    assert not order_turned(ctx, base, base.replace("6,8", "11"))
    assert not order_turned(ctx, "Harga naik 5 persen pada 2017", "Harga naik 9 persen pada 2017")
    claim, twins = twins_of(
        "Laba Indofood naik menjadi Rp 1,2 triliun pada kuartal pertama. "
        "Margin laba bersih meningkat dari 6,6 persen menjadi 6,8 persen. "
        "Penjualan tumbuh 11 persen dibanding tahun lalu.",
        1,
    )
    assert "6,6 persen menjadi 6,8 persen" in claim
    assert twins and not [t for t in twins if "dari 11 persen" in t]


def test_session_seventeen_a_statement_never_points_back():
    """Rounds 97 and 103: "Ronaldo sendiri masih tetap tidak bergeming terhadap semua rumor
    tersebut." keyed false ("dangling 'rumor tersebut'; unstated rather than false"): a claim
    that names a thing by pointing back ("rumor tersebut") is no statement to weigh alone; a
    place pointed back to ("di kawasan tersebut") is the article's setting and leaves it whole."""
    from quizgen.engine.write_statement import _claims

    ctx = ctx_for(
        "Eden Hazard dikaitkan dengan Real Madrid dalam beberapa musim terakhir. "
        "Hazard sendiri masih tetap tidak bergeming terhadap semua rumor tersebut. "
        "Pemain berusia 26 tahun asal Belgia ini mengaku bahagia berada di kota London."
    )
    texts = [c.text for _rs, c in _claims(ctx, list(ranked_for(ctx).values()))]
    assert texts and not [t for t in texts if "tersebut" in t]
    # where it happened is the article's setting: "di kawasan tersebut" leaves the claim whole
    ctx = ctx_for(
        "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu pagi untuk bertemu Kim Jong-un. "
        "Kehadiran Rusia sebagai mitra Korea Utara dapat mengubah dinamika politik di kawasan tersebut. "
        "Kedua pemimpin membahas kerja sama ekonomi dan pertahanan selama dua hari."
    )
    texts = [c.text for _rs, c in _claims(ctx, list(ranked_for(ctx).values()))]
    assert [t for t in texts if t.endswith("di kawasan tersebut.")]


def test_session_seventeen_a_question_keeps_both_sides_of_antara():
    """Round 103: "Kapan perjanjian damai diteken antara Presiden Sudan?" -> 2015 ("truncated:
    lacks the second party"): a question cut at a comma before the partner of a paired word
    (the pack's ``paired_words``: "antara ... dan", "between ... and") is not asked; one whose
    sentence never had the partner ("antara lain") still is."""
    from quizgen.engine.questions import time_question, unpaired

    ctx = ctx_for(
        "Kelompok SPLA sudah ada sejak 1983. Perjanjian damai diteken pada 2015 antara Presiden "
        "Sudan, Salva Kiir, dan pemimpin pemberontak, Riek Machar. Machar kembali ke Juba."
    )
    asked = {}
    for rs in ranked_for(ctx).values():
        for c in ctx.layer.candidates:
            if c.type == "time" and rs.sentence.start <= c.start < rs.sentence.end:
                asked[c.text] = time_question(ctx, rs, c)
    assert asked["1983"] is not None and asked["2015"] is None
    assert unpaired(ctx, "diteken antara Presiden Sudan") and not unpaired(ctx, "antara Kiir dan Machar")
    assert unpaired(ctx_for("x", "en"), "signed between the president")


def test_session_seventeen_a_three_letter_root_vouches_for_no_word():
    """Round 102: a main idea copied "keterlibatan pada sejun proyek internasional" ("copies
    the typo 'sejun'"): the stemmer read "se-" + "jun", and a root of three letters vouches for
    no derived word; "digaungkan" (from "gaung") still stands."""
    from quizgen.engine.write_detail import looks_misspelt

    ctx = ctx_for(
        "Ilustrator asal Indonesia banyak terdengar gaungnya dengan keterlibatan pada sejun proyek "
        "internasional. Karya mereka digaungkan di Sydney."
    )
    assert looks_misspelt(ctx, "keterlibatan pada sejun proyek internasional")
    assert not looks_misspelt(ctx, "Karya mereka digaungkan di Sydney")


def test_session_seventeen_a_character_of_a_story_is_never_swapped_with_a_person_of_the_news():
    """Rounds 102-103: "... saat berperan sebagai Selena Gomez", "Williams meninggalkan Cersei
    Lannister", "pemeran _____" -> Arya Stark among actors ("absurd", "distractors are actor
    names, not roles"): a name after a character cue (the pack's ``person_sides`` "character",
    past ``person_side_links`` "sebagai") is a role in a story; it is asked among roles only
    and never changes places with a person of the news."""
    from quizgen.engine.distractors import person_side

    text = (
        "Maisie Williams, pemeran Arya Stark, membocorkan akhir cerita Game of Thrones. "
        "Selena Gomez pernah berperan sebagai Alex Russo di sebuah serial. "
        "Kimmel membahas nasib karakter Jaime Lannister yang diperankan Nikolaj Coster-Waldau. "
        "Maisie Williams tampil di acara Kimmel pada Senin malam."
    )
    ctx = ctx_for(text)
    assert person_side(ctx, "Arya Stark") == person_side(ctx, "Alex Russo") == "character"
    assert person_side(ctx, "Jaime Lannister") == "character"
    assert person_side(ctx, "Maisie Williams") is None and person_side(ctx, "Selena Gomez") is None
    claim, twins = twins_of(text, 2)
    assert "Jaime Lannister" in claim
    assert not [t for t in twins if "karakter Nikolaj" in t or "karakter Maisie" in t]


def test_session_seventeen_a_role_before_a_name_is_not_given_to_another():
    """Rounds 98 and 102: "... meant listening to French singer Benjamin Carle" keyed false
    ("Carle as 'French singer' obviously false; he is the experimenter"): a name right after a
    role noun of the pack ("singer", "penyanyi") changes places only with someone the article
    gives that role too."""
    from quizgen.engine.claims import _role_given_away, claim_of, falsify

    text = (
        "Benjamin Carle is 96.9% made in France, including even his underpants and socks. "
        "Carle, 26, decided, in 2013, to see if it was possible to live using only French-made "
        "products for ten months. He got the idea after the Minister for Economic Renewal, Arnaud "
        "Montebourg, asked the French people to buy French products. Staying home, with no sofa "
        "for the first few months and no television, meant listening to French singer Michel "
        "Sardou and reading French novels. Carle says he hopes to continue supporting French "
        "industry and producers."
    )
    ctx = ctx_for(text, "en")
    claim = claim_of(ctx, ranked_for(ctx)[3])
    assert claim is not None and "singer Michel Sardou" in claim.text
    assert not [t for t in falsify(ctx, claim) if "singer Benjamin Carle" in t.text]
    assert _role_given_away(ctx, claim.text, "Michel Sardou", "Benjamin Carle")
    assert not _role_given_away(ctx, "Carle met Michel Sardou.", "Michel Sardou", "Benjamin Carle")


def test_session_seventeen_a_name_the_tagger_reads_as_a_body_is_not_shortened():
    """Rounds 97 and 103: "Salah satu legenda Wright menyebut ..." for "legenda Arsenal Ian
    Wright" ("key garbled, drops 'Arsenal Ian'"): a person's name the entity tagger reads as an
    organisation or a place (a club and its player in one run) keeps its full form."""
    claim, restated = lead_restated(
        "Salah satu legenda Arsenal Ian Wright menyebut Eden Hazard kemungkinan besar tidak akan "
        "bisa menahan rayuan Real Madrid. Hazard sendiri mengaku bahagia berada di London. "
        "Wright menyebut Hazard pasti tak akan kuasa menahan godaan itu."
    )
    assert "Arsenal Ian Wright" in claim and "legenda Wright" not in restated


def test_session_seventeen_a_question_asks_neither_who_also_did_it_nor_about_that_case():
    """Round 105 draws: "Siapa yang juga mengatakan tiga serdadu pemerintah tewas ...?" (fits
    everyone who said it) and "... identitas tersangka baru dalam kasus tersebut?" (which
    case?): a who-question holding an additive marker of the pack, and any question that
    points back, are not asked."""
    from quizgen.engine.builders import _leans_elsewhere, questions_for
    from quizgen.engine.questions import subject_question

    ctx = ctx_for(
        "Juru bicara militer Lul Ruai Koang mengatakan dua warga sipil tewas dalam pertempuran di Yei. "
        "Kolonel Santo Chol juga mengatakan tiga serdadu pemerintah tewas dalam pertempuran di Yei. "
        "Agus Rahardjo menyampaikan hal itu di Jakarta pada Senin."
    )
    rs = ranked_for(ctx)[1]
    chol = next(c for c in ctx.layer.candidates if c.text == "Santo Chol")
    assert subject_question(ctx, rs, chol) is not None  # the template asks it ...
    assert not [q for q in questions_for(ctx, rs, chol) if "juga" in q.prompt]  # ... the bank does not
    assert _leans_elsewhere(ctx, "Siapa yang belum menyampaikan identitas tersangka dalam kasus tersebut?", False)
    assert not _leans_elsewhere(ctx, "Kapan PT LIB juga mengubah jadwal pertandingan?", False)


def test_session_seventeen_the_best_lead_is_asked_before_a_lesser_key_shows_it_as_wrong():
    """Rounds 98, 100 and 105: "The posters on the walls show letters of the alphabet ..." was
    the main idea, with "For 14 years, SOHAY has worked in slums in Dhaka ..." among the wrong
    options ("key is a trivial setting detail; SOHAY's 14-year work is the summary"): the best
    lead, whose words every other point shares, is asked with the points sharing fewest of them
    before a lesser key is asked at all."""
    text = (ROOT / "tests" / "data" / "engine" / "en-sohay.txt").read_text(encoding="utf-8")
    bank = quizgen.generate(text, language="en", seed=0)
    main = [it for it in bank.items if it.skill == "main_idea"]
    assert main and main[0].answer.startswith("For 14 years, SOHAY has worked")


def test_session_seventeen_a_question_drops_the_connective_its_sentence_opens_with():
    """Rounds 108-109: "Pada tahun berapa sementara gelar Aktris Terburuk disandang Madonna
    ...?" and "Artinya, rataan perolehan gelar Starke nyaris berapa titel per laga?"
    ("ungrammatical: the connector is copied into the question"): a question built from a
    sentence drops its opening connective (the pack's ``strippable_openers``)."""
    from quizgen.engine.questions import number_question, time_question

    ctx = ctx_for(
        "Starke hanya tampil 11 kali bersama Bayern dan meraih 21 gelar juara. "
        "Artinya, rataan perolehan gelar Starke nyaris dua titel per laga. "
        "Sementara gelar Aktris Terburuk disandang Madonna pada tahun 2000 dengan sembilan piala."
    )
    ranked = ranked_for(ctx)
    prompts = []
    for i, fn in ((1, number_question), (2, time_question)):
        rs = ranked[i]
        for c in ctx.layer.candidates:
            if rs.sentence.start <= c.start < rs.sentence.end:
                q = fn(ctx, rs, c)
                if q is not None:
                    prompts.append(q.prompt)
    assert prompts and not [p for p in prompts if "Artinya" in p or "sementara" in p.lower()]


def test_session_eighteen_a_sentence_opening_with_belum_lagi_goes_on_from_the_one_before():
    """Round 112: "Belum lagi kekonyolan dan berbagai masalah ... yang muncul tanpa disangka
    Jennings dan para kontestan." as a true/false statement ("a fragment beginning 'Belum
    lagi'"): "belum lagi" (not to mention) adds to the sentence before, like "selain itu"."""
    ctx = ctx_for(
        "Moon masih bermimpi mengembalikan kejayaan masa lalu teaternya. Ia menggelar kontes "
        "menyanyi berhadiah besar. Belum lagi kekonyolan dan berbagai masalah bahkan bencana yang "
        "muncul tanpa disangka Moon dan para kontestan."
    )
    from quizgen.engine.claims import claim_of

    ranked = ranked_for(ctx)
    assert ranked[0].usable and claim_of(ctx, ranked[0]) is not None
    assert not ranked[2].usable and claim_of(ctx, ranked[2]) is None


def test_session_eighteen_a_main_idea_key_holds_the_topic_words_and_no_option_holds_more():
    """Over rounds 90-112 reviewers kept English main ideas whose key holds under 0.3 of the
    article's ten topic words 17 of 65 times ("False memories are a major problem with witness
    statements in courts of law.": background, rounds 107, 112), 0.3 or more 186 of 227; and
    main ideas with an option holding more of them than the key 12 of 50 times (a rival
    summary). A key of 0.3 or more wherever the opening has one, and no option above the key."""
    from quizgen.engine.write_main_idea import GOOD_LEAD_TOPIC, topic_coverage

    path = ROOT / "tests" / "data" / "engine" / "en-false-memory.txt"
    bank = quizgen.generate(path, seed=0)
    main = [it for it in bank.items if it.skill == "main_idea"]
    assert main and main[0].answer.startswith("Scientists have implanted a false memory")
    from test_engine_rules import ctx_for

    ctx = ctx_for(path.read_text(encoding="utf-8"), "en")
    key = topic_coverage(ctx, main[0].answer)
    assert key >= GOOD_LEAD_TOPIC
    assert all(topic_coverage(ctx, o) <= key for o in main[0].options)


def test_session_eighteen_an_english_main_idea_key_holds_the_topic_words_or_is_not_asked():
    """Reviewers of unseen English news kept 14 of 105 main ideas whose key holds under 0.3 of
    the article's ten topic words over rounds 60-113 ("Search Google Images and one of the
    first hits is a picture of ...", round 108, "a trivial joke detail"), 186 of 202 others:
    the English pack asks for no main idea rather than such a key (``main_idea_min_topic``)."""
    from test_engine_rules import ctx_for

    from quizgen.engine.write_main_idea import topic_coverage

    path = ROOT / "tests" / "data" / "engine" / "en-japan-glasses.txt"
    floor = quizgen.get_pack("en").templates["main_idea_min_topic"]
    assert floor == 0.3
    bank = quizgen.generate(path, seed=0)
    ctx = ctx_for(path.read_text(encoding="utf-8"), "en")
    for it in bank.items + bank.alternates:
        if it.skill == "main_idea":
            assert topic_coverage(ctx, it.answer) >= floor
            assert not it.answer.startswith("Search Google Images")


def test_session_eighteen_a_line_up_is_no_statement():
    """"Cadangan tak terpakai: Nordfeldt, Van der Hoorn, Rangel, Fulton." became a true/false
    statement with a name swapped in (a match report's line-up): a label and a list of names
    after a colon state nothing."""
    from quizgen.engine.claims import claim_of

    ctx = ctx_for(
        "Manchester United menang 4-0 atas Swansea City di Liberty Stadium pada Sabtu malam. "
        "Cadangan tak terpakai: Nordfeldt, Van der Hoorn, Rangel, Fulton."
    )
    ranked = ranked_for(ctx)
    assert claim_of(ctx, ranked[0]) is not None and claim_of(ctx, ranked[1]) is None


def test_session_eighteen_the_ranker_weighs_a_blank_off_the_topic():
    """Rounds 80-112: reviewers kept 8 of 60 English and 14 of 51 Indonesian blanks whose
    filled sentence holds under a fifth of the article's ten topic words ("the founding year is
    background irrelevant to the funding story"), 119 of 282 and 77 of 151 others: a feature of
    the ranker, whose weight comes out negative."""
    from quizgen.engine import rank
    from quizgen.engine.rank_features import item_features

    text = " ".join(
        f"Wavecell raised new funding {n} for cloud messaging startups, investors said of Wavecell's "
        f"funding {n}."
        for n in ("one", "two", "three", "four", "five")
    ) + " The office has a small garden with a fountain."
    en = quizgen.get_pack("en")

    def blank(prompt: str, answer: str) -> dict:
        return {"kind": "cloze", "prompt": prompt, "answer": answer, "options": [answer, "x", "y", "z"]}

    on = blank("Wavecell raised new _____ to expand its cloud messaging in Indonesia.", "funding")
    off = blank("The office has a small garden with a _____.", "fountain")
    assert item_features(on, text, en)["blank_off_topic"] == 0.0
    assert item_features(off, text, en)["blank_off_topic"] == 1.0
    assert dict(rank._COEFS)["blank_off_topic"] < 0


def test_session_eighteen_on_the_same_occasion_points_back():
    """Round 112: "Di kesempatan yang sama, Gatot menyambut baik ..." as a main idea's option
    ("opens with dangling 'Di kesempatan yang sama'"): which occasion? A sentence opening on the
    same occasion, day, time or place as the one before is not read alone."""
    ctx = ctx_for(
        "Panglima TNI Gatot Nurmantyo menghadiri peringatan Hari Veteran di Jakarta pada Jumat. "
        "Di kesempatan yang sama, Gatot menyambut baik pertemuan Megawati dengan Susilo Bambang "
        "Yudhoyono di Istana Negara."
    )
    ranked = ranked_for(ctx)
    assert ranked[0].usable and not ranked[1].usable
    en = ctx_for(
        "The minister opened a new school in Leeds on Friday. On the same day, the minister "
        "announced a plan to hire two thousand teachers across the north.",
        "en",
    )
    assert not ranked_for(en)[1].usable


def test_session_eighteen_a_date_in_may_swaps_its_month_never_its_day_number():
    """Round 115: "Tepatnya pada _____, ..." with "27 Mei 2015", "34 Mei 2015", "40 Mei 2015"
    ("impossible dates, easily eliminated"): a month of three letters ("Mei", "May") is a
    month's full name, so the month is swapped, and a date is never given number distractors."""
    import random
    import re

    from quizgen.engine.distractors import distractor_pool

    for lang, text, key in (
        ("id", "Tepatnya pada 27 Mei 2015, polisi Swiss menangkap enam pejabat FIFA di Zurich.", "27 Mei 2015"),
        ("en", "On 27 May 2015, Swiss police arrested six FIFA officials at a hotel in Zurich.", "27 May 2015"),
    ):
        ctx = ctx_for(text, lang)
        cand = next(c for c in ctx.layer.candidates if c.text == key)
        pool = [d.text for d in distractor_pool(ctx, cand, random.Random(0))]
        assert pool and all(p.startswith("27 ") and p.endswith(" 2015") for p in pool), pool
        assert not any(re.match(r"\d+ (Mei|May) ", p) for p in pool)


def test_session_eighteen_a_sentence_opening_with_sama_halnya_goes_on_from_the_one_before():
    """"Kapan sama halnya dengan kasus runtuhnya gedung rumah susun di Nairobi ...?" (a question
    built on "Sama halnya dengan kasus ... pada Mei silam yang menewaskan hampir 50 orang."):
    "sama halnya" (just as) adds to the sentence before and has no clause of its own."""
    ctx = ctx_for(
        "Kebakaran asrama sekolah sering terjadi di Kenya. Sama halnya dengan kasus runtuhnya "
        "gedung rumah susun di Nairobi pada Mei silam yang menewaskan hampir 50 orang."
    )
    assert not ranked_for(ctx)[1].usable
