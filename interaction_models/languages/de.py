#!/usr/bin/env python3
"""The German interaction model (de-DE), composed from how German speakers say things.

The model has en-US's intents, slots, slot types and value ids, its built-in intents and its
dialog model (the minutes of a short routine and the reminder's time are elicited); only the
words are German. The samples are not translated from the English: each intent's ways of
saying it are written as phrases people in Germany use at home on the mat ("bin so weit",
"passt", "mach mal weiter", "mir tut das Knie weh", "Moment mal"), then composed with what
they put around them ("okay", "bitte", "jetzt", "mal"), so the model hears the same need
in many shapes. Everyday words that must never be a pain report, a deletion or a reminder
("ich bin zurück", "Moment mal", "ich muss kurz weg", "erinnere mich an den Müll") are
samples of the intents they are: Resume, Wait, Pause, Fallback.

    python interaction_models/languages/de.py          # (re)write interaction_models/de-DE.json
    python interaction_models/languages/de.py --check  # exit 1 if it is stale

:func:`models` is what ``interaction_models/build_models.py`` reads.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

MODELS = Path(__file__).resolve().parents[1]
SOURCE = MODELS / "en-US.json"
LOCALE = "de-DE"
INVOCATION = "beckenboden coach"

# Amazon's rules in German: what opens a skill or asks it something ("Alexa, öffne ...",
# "Alexa, frag ... "), what an invocation name may not hold, and the store description's
# health disclaimer.
RULES: Mapping[str, Sequence[str]] = {
    "launch_words": ("öffne", "öffnen", "starte", "starten", "aktiviere", "beginne", "lade",
                     "spiele", "spiel", "benutze", "nutze", "frag", "frage", "sag", "sage",
                     "bitte", "rede", "sprich", "beende"),
    "connecting_words": ("nach", "ob", "dass", "wie", "wann", "zu", "mit", "um", "und", "für",
                         "von", "über", "was", "wo"),
    "wake_words": ("alexa", "amazon", "echo", "computer", "skill", "app"),
    "open": ("Alexa, öffne {invocation}", "Alexa, starte {invocation}"),
    "ask": ("Alexa, frag {invocation} {utterance}", "Alexa, sag {invocation} {utterance}"),
    "disclaimer": ("kein Ersatz für professionelle medizinische Beratung",
                   "Brich jede Übung ab, die Schmerzen verursacht"),
    # Words a carrier may hold and still say nothing: a sample of an intent with
    # consequences needs one word beyond them ("ich will {Change}" would hear anything).
    "frame_words": ("ich", "mir", "mich", "mein", "meine", "es", "das", "der", "die", "den",
                    "dem", "ein", "eine", "einen", "ist", "bin", "bist", "sind", "du", "wir",
                    "uns", "bitte", "kannst", "könntest", "kann", "habe", "hab", "hat",
                    "haben", "jetzt", "gerade", "mal", "so", "etwas", "bisschen", "sehr",
                    "ganz", "echt", "noch", "schon", "auch", "lieber", "viel", "will",
                    "möchte", "hätte", "gern", "gerne", "fühle", "fühl", "da", "alles", "gibt",
                    "nur"),
}


def say(*parts: Iterable[str] | str) -> list[str]:
    """Every way of putting the parts together: ``say(["", "okay"], ["weiter", "los"])``
    is "weiter", "los", "okay weiter", "okay los". An empty alternative leaves a part out."""
    choices = [[part] if isinstance(part, str) else list(part) for part in parts]
    return [" ".join(" ".join(words).split()) for words in itertools.product(*choices)]


def each(*groups: Iterable[str]) -> list[str]:
    """The groups one after the other, each phrase once, in order."""
    return list(dict.fromkeys(phrase for group in groups for phrase in group if phrase))


SOFT = ["", "okay", "gut", "so", "also"]
PLEASE = ["", "bitte"]
NOW = ["", "jetzt", "mal", "jetzt mal"]

NEXT = each(
    ["weiter", "weiter bitte", "bitte weiter", "und weiter", "weiter geht's", "weiter gehts",
     "nächste übung", "die nächste übung", "nächste", "die nächste", "zur nächsten übung",
     "mach weiter", "mach mal weiter", "machen wir weiter", "lass uns weitermachen",
     "weitermachen", "nächster schritt", "der nächste schritt", "nächste dehnung",
     "zur nächsten", "auf zur nächsten", "fertig", "ich bin fertig", "bin fertig",
     "geschafft", "hab's geschafft", "erledigt", "das war's", "das wär's mit der übung",
     "bin so weit", "ich bin so weit", "ich bin bereit", "bereit", "so weit", "startklar",
     "ich bin startklar", "passt", "passt so", "kann losgehen", "es kann weitergehen",
     "ich bin in position", "bin in position", "ich liege", "ich liege jetzt", "ich sitze",
     "ich sitze jetzt", "ich sitze auf der matte", "ich liege auf der matte",
     "ich bin auf der matte", "ich knie", "ich knie jetzt", "ich bin im vierfüßlerstand",
     "ich stehe", "ich stehe auf der matte", "los", "los geht's", "auf geht's", "weiter im text",
     "nächstes", "das nächste", "was kommt als nächstes dran", "die hier ist fertig",
     "die übung ist fertig", "fertig mit der übung", "hab ich gemacht", "gemacht",
     "hab ich", "habe ich geschafft", "die dehnung ist fertig", "mit der dehnung bin ich durch",
     "ich bin durch", "durch", "und jetzt", "und nun", "wie geht's weiter",
     "dann weiter", "gerne weiter", "okay nächste", "weiter zur nächsten übung"],
    say(SOFT[1:], ["weiter", "nächste übung", "fertig", "bin so weit", "ich bin bereit",
                   "mach weiter", "die nächste", "geschafft", "los"]),
    say(["weiter", "mach weiter", "nächste übung"], ["bitte", "jetzt", "mal", "jetzt bitte"]),
    say(["ich bin", "bin"], ["bereit für die nächste", "bereit für die nächste übung",
                             "fertig mit der übung", "mit der übung fertig", "soweit"]),
)

REPEAT = each(
    ["wiederholen", "wiederhol das", "wiederhole das", "noch mal", "nochmal", "noch einmal",
     "bitte noch mal", "sag das noch mal", "sag das nochmal", "was hast du gesagt",
     "wie bitte", "hä", "was", "was war das", "das hab ich nicht verstanden",
     "hab ich nicht verstanden", "kannst du das wiederholen", "kannst du das noch mal sagen",
     "könntest du das wiederholen", "die übung noch mal", "die letzte noch mal",
     "noch mal die letzte übung", "mach das noch mal", "machen wir das noch mal",
     "das noch mal bitte", "noch mal von der übung", "wiederhol die übung",
     "die übung wiederholen", "letzte übung wiederholen", "wiederhol die letzte übung",
     "sag's noch mal", "sag es noch mal langsam", "entschuldigung was", "ich hab's nicht gehört",
     "ich habe dich nicht gehört", "ich hab dich nicht verstanden", "nochmal bitte",
     "einmal noch", "noch ein mal", "die gleiche noch mal", "die selbe noch mal",
     "wiederholung bitte", "kannst du die übung wiederholen", "gleich noch mal",
     "das hab ich nicht mitgekriegt",
     "das habe ich nicht gehört", "ich habe das nicht verstanden", "das hab ich verpasst",
     "hab ich verpasst", "das ging zu schnell noch mal", "wie war das noch mal",
     "wie war das gleich",
     "was war das noch mal", "was hast du da gesagt"],
    say(["", "bitte"], ["wiederholen", "noch mal", "sag das noch mal"], ["", "bitte"]),
)

PAUSE = each(
    ["pause", "pause bitte", "mach pause", "mach eine pause", "mach mal pause",
     "kurze pause", "eine kurze pause", "ich brauche eine pause", "ich brauch eine pause",
     "ich brauch mal eine pause", "pausier", "pausieren", "pausiere das programm",
     "halt das programm an", "anhalten", "kurz anhalten", "unterbrich das programm",
     "unterbrechen", "ich muss kurz weg", "ich muss mal kurz weg", "ich muss weg",
     "ich muss kurz unterbrechen", "lass uns pause machen", "lass uns eine pause machen",
     "pause machen", "ich mache eine pause", "wir machen pause", "ich muss kurz aufhören",
     "erst mal pause", "pause für jetzt", "ich brauche eine verschnaufpause",
     "ich muss mal eben was erledigen", "ich muss schnell was erledigen", "stopp kurz"],
)

RESUME = each(
    ["weitermachen wo ich aufgehört habe", "mach weiter wo ich aufgehört habe",
     "mach da weiter wo wir waren", "wo wir aufgehört haben", "fortsetzen", "fortfahren",
     "setz das programm fort", "programm fortsetzen", "mein programm fortsetzen",
     "ich bin zurück", "ich bin wieder da", "bin wieder da", "bin zurück", "da bin ich wieder",
     "so da bin ich wieder", "ich bin wieder zurück", "wieder da", "ich bin wieder zurück da",
     "weiter mit dem programm", "mit dem programm weitermachen",
     "lass uns weitermachen wo wir waren",
     "wir können weitermachen", "kann weitergehen", "es geht weiter",
     "ich bin wieder bereit", "ich bin wieder auf der matte", "wieder auf der matte",
     "ich kann wieder", "weiter wo wir stehengeblieben sind", "wo sind wir stehengeblieben",
     "mach weiter wo wir stehengeblieben sind", "pause beenden", "pause vorbei",
     "die pause ist vorbei", "fortsetzung bitte", "weiter nach der pause",
     "entschuldigung weiter", "sorry weiter", "sorry da bin ich wieder",
     "tut mir leid da bin ich wieder", "ich bin zurück lass uns weitermachen",
     "so weiter geht's", "okay ich bin zurück", "okay bin wieder da", "jetzt geht's weiter",
     "zurück zum programm", "zurück zur übung", "wieder zurück zur übung"],
    say(["", "okay", "so"], ["ich bin zurück", "ich bin wieder da"], ["", "weiter",
                                                                   "mach weiter"]),
)

START_OVER = each(
    ["von vorn", "von vorne", "noch mal von vorne", "fang von vorne an", "fang noch mal an",
     "von vorne anfangen", "neu anfangen", "neu starten", "alles von vorne",
     "das ganze von vorne", "starte neu", "starte das programm neu", "fang ganz von vorne an",
     "noch mal ganz von vorne", "lass uns von vorne beginnen", "beginne von vorne",
     "zurück zum anfang des programms"],
)

YES = each(
    ["ja", "ja bitte", "jawohl", "jep", "jup", "jo", "ja klar", "klar", "na klar", "sicher",
     "natürlich", "genau", "richtig", "stimmt", "das stimmt", "okay", "ok", "okey", "gerne",
     "gern", "ja gerne", "sehr gerne", "ja gern", "mach das", "machen wir", "machen wir das",
     "ja machen wir", "einverstanden", "in ordnung", "alles klar", "geht klar", "passt schon",
     "ja das passt", "auf jeden fall", "unbedingt", "ja genau", "ja richtig", "ja das stimmt",
     "ja trifft zu", "trifft zu", "das trifft zu", "ja leider", "leider ja", "ich denke schon",
     "ich glaube schon", "schon", "doch", "ja doch", "aber sicher", "ja sicher",
     "ja natürlich", "freilich", "logo", "ja will ich", "ja möchte ich", "das möchte ich",
     "das will ich", "ja bitte gerne", "ja danke", "gerne doch", "klar doch", "ja mach",
     "ja los", "ja bitte mach weiter", "ja bitte weiter", "ja ist gut", "ist gut",
     "ja hat sie", "ja hat er", "ja wurde ich", "ja bin ich", "ja habe ich", "ja hab ich",
     "ja war ich", "ja ich wurde untersucht", "ja ich war beim arzt", "ja ich war bei der ärztin",
     "ja alles gut", "ja sehr gerne", "ja warum nicht", "warum nicht", "na gut", "von mir aus",
     "ja okay", "okay ja", "ja ok", "ja gut", "jawoll", "ja genau das", "ja so ist es",
     "so ist es", "ja bitte fang an", "ja leg los", "leg los", "ja bitte lösch",
     "ja lösch alles", "ja wirklich", "ja ich bin sicher", "ich bin sicher", "ganz sicher",
     "ja die ärztin hat es erlaubt", "ja es wurde erlaubt", "ja das wurde mir erlaubt",
     "ja ich darf das",
     "ja ich habe das okay bekommen", "ja ist abgeklärt", "ja wurde abgeklärt",
     "ein wenig schon", "schon ein bisschen", "etwas schon", "irgendwie schon", "zum teil",
     "teils teils", "na dann gerne"],
)

NO = each(
    ["nein", "nein danke", "nee", "ne", "nö", "nein bitte nicht", "bitte nicht", "lieber nicht",
     "eher nicht", "nicht wirklich", "nicht jetzt", "jetzt nicht", "gerade nicht",
     "im moment nicht", "noch nicht", "noch nicht ganz", "auf keinen fall", "keinesfalls",
     "nein gar nicht", "gar nicht", "überhaupt nicht", "nein überhaupt nicht", "nichts davon",
     "nein nichts davon", "keins davon", "nein keins davon", "trifft nicht zu",
     "das trifft nicht zu", "nein trifft nicht zu", "nein das stimmt nicht", "stimmt nicht",
     "nein hat sie nicht", "nein hat er nicht", "nein noch nicht", "nein wurde ich nicht",
     "nein bin ich nicht", "nein habe ich nicht", "nein hab ich nicht", "habe ich nicht",
     "hab ich nicht", "bin ich nicht", "nein war ich nicht", "nein ich war noch nicht beim arzt",
     "nein alles in ordnung", "nein alles gut", "nein mir geht es gut", "nein nichts",
     "nein lass mal", "lass mal", "nein brauche ich nicht", "brauche ich nicht",
     "brauch ich nicht", "nicht nötig", "nein nicht nötig", "nein lieber nicht",
     "nein will ich nicht", "will ich nicht", "möchte ich nicht", "nein möchte ich nicht",
     "nein keine erinnerung", "nein danke keine erinnerung", "keine lust", "nein vielleicht später",
     "vielleicht später", "ein andermal", "nein ein andermal", "heute nicht", "nein heute nicht",
     "nein behalten", "nicht löschen", "nein nicht löschen", "nein bitte nicht löschen",
     "nein nichts löschen", "nein bleib bei der woche", "nein ich bleibe", "nö danke",
     "nee danke", "nee lass mal", "eher nein", "nein eigentlich nicht", "eigentlich nicht"],
)

HELP = each(
    ["hilfe", "hilf mir", "ich brauche hilfe", "ich brauch hilfe", "was kann ich sagen",
     "was kann ich machen", "was kann ich tun", "was soll ich sagen", "was soll ich machen",
     "was soll ich tun", "wie funktioniert das", "wie geht das", "wie funktioniert das hier",
     "wie benutze ich das", "was kannst du", "was kannst du alles", "was kannst du machen",
     "welche möglichkeiten habe ich", "welche optionen gibt es", "optionen",
     "ich weiß nicht weiter",
     "ich weiß nicht was ich sagen soll", "ich weiß nicht was ich machen soll", "ich bin verwirrt",
     "ich versteh das nicht", "ich verstehe nicht", "erklär mir wie das geht",
     "was sind die befehle", "welche befehle gibt es", "was geht hier", "wie läuft das ab",
     "was muss ich sagen", "was erwartest du von mir", "keine ahnung was ich sagen soll",
     "hilfe bitte", "bitte hilf mir", "kannst du mir helfen", "wie steuere ich das",
     "was bedeutet das", "worum geht es hier", "erklär mir das", "erklär es mir",
     "kannst du mir das erklären", "erklär mal", "was mache ich hier", "was soll ich jetzt tun",
     "und was mache ich nun", "was mach ich nun", "ich kapiere es nicht", "ich check das nicht",
     "ich blick nicht durch", "versteh ich nicht", "was jetzt"],
)

STOP = each(
    ["stopp", "stop", "halt", "stopp bitte", "hör auf", "hör bitte auf", "aufhören",
     "beenden", "beende", "beende den skill", "schluss", "schluss jetzt", "aus", "ende",
     "tschüss", "tschüs", "ciao", "auf wiedersehen", "bis dann", "mach aus", "abbrechen",
     "programm beenden", "training beenden", "ich will aufhören", "ich möchte aufhören",
     "ich höre auf", "beende das training", "das reicht", "genug", "es reicht", "verlassen",
     "skill beenden", "raus", "hör sofort auf", "jetzt aufhören", "hör auf damit"],
)

CANCEL = each(
    ["abbruch", "abbrechen bitte", "vergiss es", "vergiss das", "egal", "ist egal",
     "schon gut", "lass es", "lass gut sein", "nicht so wichtig", "abgebrochen",
     "streich das", "das war nichts", "doch nicht", "ach nein doch nicht", "kommando zurück",
     "vergiss was ich gesagt habe", "nimm das zurück", "lass es bleiben"],
)

FALLBACK = each(
    ["stell einen timer", "stell einen timer auf fünf minuten", "stell einen wecker",
     "weck mich morgen um sieben", "wie wird das wetter", "wie ist das wetter heute",
     "wird es regnen", "wie warm ist es draußen", "spiel musik", "spiel entspannungsmusik",
     "spiel das radio", "mach das radio an", "spiel meine playlist", "lauter", "leiser",
     "mach lauter", "mach leiser", "wie spät ist es", "welcher tag ist heute",
     "erzähl mir einen witz", "erzähl einen witz", "ruf meine mutter an", "ruf mama an",
     "mach das licht an", "mach das licht aus", "licht aus", "schalte das licht aus",
     "was ist die hauptstadt von frankreich", "nachrichten", "spiel die nachrichten",
     "setz milch auf die einkaufsliste", "schreib butter auf die liste",
     "was steht auf meiner einkaufsliste", "erinnere mich an den müll",
     "erinnere mich morgen an den zahnarzt", "erinnere mich daran die blumen zu gießen",
     "erinnere mich an meine tabletten", "erinnere mich den müll rauszubringen",
     "erinnere mich morgen an den müll", "erinnere mich morgen an meinen termin",
     "erinnere mich morgen an das paket", "erinnere mich übermorgen an den geburtstag",
     "erinnere mich morgen früh an den arzt", "erinnere mich nachher an den kuchen im ofen",
     "erinnere mich an die waschmaschine", "erinnere mich morgen ans tanken",
     "lösch die erinnerung für den termin", "lösch die erinnerung fürs einkaufen",
     "lösche die erinnerung an den geburtstag", "lösch meine erinnerung für morgen",
     "lösch die erinnerung für die tabletten", "lösche die erinnerung für den friseur",
     "lösch meinen wecker", "lösch die einkaufsliste", "lösch meine termine",
     "was habe ich heute für termine", "bestell katzenfutter", "bestelle eine pizza",
     "schick eine nachricht", "wie viele kalorien hat ein apfel", "übersetze hallo auf englisch",
     "wer hat gestern gespielt", "wie hat bayern gespielt", "hallo", "hi", "hallo alexa",
     "guten morgen", "guten abend", "danke alexa", "ups", "äh", "ähm", "hmm", "na ja",
     "keine ahnung", "ich bin müde", "ich bin so müde", "ich bin kaputt", "ich bin fix und fertig",
     "mir ist kalt", "mir ist warm", "ich habe hunger", "ich hab durst", "ich bin auf dem sofa",
     "ich bin in der küche", "ich koche gerade", "ich bin im garten", "ich bin im büro",
     "ich bin krankenschwester", "ich bin physiotherapeutin", "ich bin rentner",
     "ich bin rentnerin", "ich bin fünfzig", "ich bin vierzig jahre alt", "ich bin neu hier",
     "ich bin zu hause", "ich bin allein", "ich bin nervös", "ich bin gestresst",
     "ich bin gut gelaunt", "ich habe keine lust", "ich hab heute keine lust",
     "ich habe eine frage", "ich hab kopfschmerzen", "ich habe kopfschmerzen",
     "ich habe schnupfen", "ich bin erkältet", "meine knieschoner", "meine matte ist weg",
     "wo ist meine matte", "wo ist die fernbedienung", "mach den fernseher an",
     "mach die heizung an", "öffne die rollläden", "wie lange kocht ein ei",
     "was gibt es zum abendessen", "wie heißt dieses lied", "wer singt das",
     "ruf einen krankenwagen", "wie ist die nummer vom arzt", "such einen physiotherapeuten",
     "was ist ein bandscheibenvorfall", "wie viel uhr ist es in new york",
     "wie wird das wetter morgen", "was kostet ein flug nach mallorca", "ich gehe einkaufen",
     "ich gehe mit dem hund raus", "der hund bellt", "das baby weint", "die kinder sind laut",
     "es klingelt", "da ist jemand an der tür", "der postbote ist da", "das telefon",
     "ich telefoniere", "es ist noch früh", "es ist schon spät", "heute ist montag",
     "schönes wetter heute", "ich mag dich", "du bist toll", "wer bist du", "wie alt bist du",
     "bist du ein mensch", "sing ein lied", "spiel ein spiel", "lies mir mein buch vor",
     "mach eine notiz", "notiere das", "wie viele schritte bin ich heute gegangen",
     "zähl bis zehn", "ich trinke ein glas wasser", "ich hätte gern ein glas wasser",
     "füttere die katze", "erinnere mich die katze zu füttern", "erinner mich ans einkaufen",
     "schalte den staubsauger ein", "saug die wohnung", "wie weit ist es nach berlin",
     "ich bin am kochen", "ich bin gleich beim arzt", "ich habe morgen einen arzttermin",
     "ich war beim frisör", "mir ist langweilig", "ich bin glücklich", "ich bin traurig",
     "ich bin steif heute morgen", "ich bin morgens immer steif", "ich bin ein bisschen steif",
     "ich fühle mich alt", "ich bin nicht in stimmung", "egal was", "irgendwas",
     "ich weiß es nicht", "vielleicht", "mal sehen", "keine ahnung was das ist",
     "ich habe einen termin", "ich muss zur arbeit", "ich muss die kinder abholen",
     "ich bin auf der arbeit", "ich bin unterwegs", "ich bin im zug", "ich bin im auto",
     "das ist mein hund", "mein mann ruft", "meine frau ruft", "die waschmaschine piept",
     "das essen ist fertig", "wie viel wasser soll ich trinken", "was ist yoga",
     "wie viel kostet das", "kaufe eine yogamatte", "bestelle eine neue matte",
     "ich habe gerade geduscht", "ich habe gerade gefrühstückt", "ich habe gerade kaffee getrunken",
     "ich habe heute viel gearbeitet", "ich habe einen hund", "ich habe zwei kinder",
     "ich habe heute zeit", "ich habe eine neue matte", "ich habe gut geschlafen",
     "ich habe schlecht geschlafen", "ich hab gerade was gegessen",
     "ich habe noch nicht gefrühstückt",
     "das kissen ist zu weich", "die matte ist zu dünn", "der boden ist zu hart",
     "das licht ist zu hell",
     "die musik ist zu laut", "der teppich ist zu rau", "die decke ist zu klein",
     "mein arzt hat mir das geraten", "meine physiotherapeutin hat mir die übungen gezeigt",
     "meine ärztin sagt ich soll üben", "meine hebamme hat mir das empfohlen",
     "mein physiotherapeut hat mir den skill empfohlen", "meine freundin macht das auch",
     "der hund will mitmachen", "mein kind will mitmachen", "die katze liegt auf mir",
     "meine katze", "die katze schnurrt", "ich mache das wegen meiner hüfte",
     "ich übe für meinen beckenboden", "ich mache das nach der geburt",
     "ich mache das seit einer woche",
     "ich mache das jeden tag", "wie viel uhr ist es jetzt", "welche uhrzeit haben wir", "uhrzeit",
     "welches datum haben wir", "der wievielte ist heute", "welcher monat ist es",
     "ich hab kopfweh", "ich habe leichte kopfschmerzen", "ich habe ein bisschen schnupfen",
     "ich habe ein bisschen hunger", "ich habe ein bisschen zeit", "es ist dunkel draußen",
     "was gibt es heute neues"],
)

NAVIGATE_HOME = each(
    ["menü", "hauptmenü", "zum hauptmenü", "zurück zum menü", "zurück zum hauptmenü",
     "startseite", "zur startseite", "zum anfang", "zurück zum anfang", "geh zum menü",
     "zeig das menü", "ins menü", "zurück ins menü", "home", "start menü", "zum start",
     "zurück zum start", "zurück zum startbildschirm"],
)

PREVIOUS = each(
    ["zurück bitte", "geh zurück", "eine übung zurück", "einen schritt zurück",
     "die vorherige übung", "vorherige übung", "die übung davor", "die vorige übung",
     "die letzte übung zurück", "zurück zur vorherigen übung", "zurück zur letzten übung",
     "geh eine übung zurück", "noch mal die davor", "die davor", "vorherige",
     "zurückgehen", "lass uns zurückgehen"],
)

ROUTINE = ["mein programm", "das programm", "meine übungen", "die übungen", "mein training",
           "das training", "meine dehnübungen", "die dehnübungen", "mein heutiges programm",
           "das heutige programm", "die heutige einheit", "meine einheit", "meine routine",
           "das programm von heute", "die übungen von heute", "mein beckenbodentraining",
           "das beckenbodentraining", "meine beckenboden übungen"]

START_ROUTINE = each(
    say(["starte", "start", "beginne", "beginn", "fang", "mach", "lass uns", "wir machen"],
        ROUTINE[:12]),
    say(ROUTINE, ["starten", "beginnen", "anfangen", "bitte", "machen"]),
    say(["ich möchte", "ich will", "ich würde gern", "ich würde gerne", "lass uns"],
        ["üben", "trainieren", "anfangen", "loslegen", "mein programm machen",
         "meine übungen machen", "die übungen machen", "dehnen", "mein training machen",
         "mit dem programm anfangen"]),
    ["los geht's mit dem programm", "auf geht's zum training", "zeit für meine übungen",
     "zeit für mein programm", "zeit zum üben", "training starten", "übungen starten",
     "programm starten", "lass uns anfangen", "fangen wir an", "leg los",
     "leg los mit dem programm",
     "kann's losgehen", "starte bitte", "bitte starte das programm", "bitte fang an",
     "jetzt die übungen", "jetzt wird geübt", "lass uns üben", "wir üben", "üben",
     "trainieren", "mit dem training anfangen", "ich bin bereit für mein programm",
     "ich bin bereit für die übungen", "das tägliche programm", "tägliches programm starten",
     "heutiges training", "heutige übungen starten", "ich hätte gern mein programm",
     "machen wir die übungen", "machen wir das programm", "machen wir unsere übungen"],
)

TODAYS_ROUTINE = each(
    say(["was steht heute an", "was ist heute dran", "was machen wir heute",
         "was kommt heute dran", "was ist heute auf dem programm", "was steht auf dem programm",
         "was ist das programm für heute", "welche übungen mache ich heute",
         "welche übungen sind heute dran", "was sind die übungen von heute",
         "wie sieht das programm heute aus", "wie sieht mein programm aus",
         "was beinhaltet das programm", "was ist heute dran an übungen",
         "welche übungen kommen heute", "was machen wir heute für übungen",
         "was erwartet mich heute", "was habe ich heute vor", "was muss ich heute machen",
         "sag mir das programm von heute", "erzähl mir das heutige programm",
         "welche dehnungen sind heute dran", "was ist heute im programm", "was gibt es heute"],
        ["", "bitte"]),
)

EXERCISE_PRE = ["führ mich durch", "leite mich durch", "begleite mich durch", "zeig mir",
                "mach mit mir", "ich möchte", "ich will", "ich würde gern", "lass uns",
                "machen wir", "nur", "bitte nur", "heute nur", "ich hätte gern",
                "kannst du mich durch", "starte", "üben wir", "jetzt"]
GUIDE_EXERCISE = each(
    say(["führ mich durch", "leite mich durch", "begleite mich durch", "zeig mir",
         "mach mit mir", "starte", "jetzt", "nur", "bitte nur", "heute nur", "ich hätte gern",
         "bitte", "gib mir"], ["den {Exercise}", "die {Exercise}", "das {Exercise}", "{Exercise}"]),
    say(["ich möchte", "ich will", "ich würde gern", "lass uns", "wir machen", "kannst du mit mir"],
        ["den {Exercise}", "die {Exercise}", "{Exercise}"], ["machen", "üben"]),
    say(["machen wir", "üben wir"], ["den {Exercise}", "die {Exercise}", "{Exercise}"]),
    ["nur {Exercise} bitte", "{Exercise} bitte", "einmal {Exercise}", "{Exercise} machen",
     "{Exercise} üben", "ich möchte nur {Exercise} machen", "nur die {Exercise} heute",
     "kannst du mich durch die {Exercise} führen", "kannst du mich durch den {Exercise} führen",
     "führ mich bitte durch die {Exercise}", "lass uns mit der {Exercise} anfangen",
     "lass uns mit dem {Exercise} anfangen", "ich will heute nur {Exercise}"],
)

SKIP = each(
    ["überspringen", "überspring das", "überspring die", "überspringe die übung",
     "überspring die übung", "die übung überspringen", "diese übung überspringen",
     "die hier überspringen", "lass die weg", "lass das weg", "lass die übung weg",
     "die mag ich nicht", "die will ich nicht machen", "die möchte ich nicht machen",
     "die übung will ich nicht", "auslassen", "die auslassen", "die übung auslassen",
     "lass die aus", "nächste überspringen", "die nächste überspringen",
     "überspring die nächste", "die nächste auslassen", "lass die nächste weg",
     "die dehnung überspringen", "überspring die dehnung", "heute ohne die übung",
     "die übung heute nicht", "die schenke ich mir", "das spar ich mir", "das lass ich heute",
     "die übung mag ich nicht", "das mag ich nicht", "mag ich nicht", "die übung gefällt mir nicht",
     "keine lust auf die übung", "die kann ich nicht", "das kann ich nicht",
     "die übung kann ich nicht"],
    say(["überspring", "überspringe", "lass", "spar dir"], ["den {Exercise}", "die {Exercise}",
                                                            "{Exercise}"], ["", "heute"]),
    say(["lass", "lass bitte"], ["den {Exercise}", "die {Exercise}"], ["weg", "heute weg", "aus"]),
    say(["ohne", "heute ohne", "bitte ohne"], ["den {Exercise}", "die {Exercise}", "{Exercise}"]),
    say(["ich will", "ich möchte"], ["den {Exercise}", "die {Exercise}"],
        ["nicht machen", "heute nicht machen", "auslassen", "überspringen"]),
    ["{Exercise} überspringen", "{Exercise} auslassen", "{Exercise} weglassen",
     "kein {Exercise} heute", "keine {Exercise} heute", "{Exercise} heute nicht"],
)

HURT_LINES = ["es tut weh", "das tut weh", "tut weh", "das tut richtig weh", "es tut sehr weh",
              "aua", "au", "autsch", "aua das tut weh", "autsch das tut weh", "das schmerzt",
              "es schmerzt", "ich habe schmerzen", "ich hab schmerzen", "ich hab da schmerzen",
              "das ist schmerzhaft", "zu schmerzhaft", "das ist zu schmerzhaft",
              "es fühlt sich nicht richtig an", "das fühlt sich nicht gut an",
              "da stimmt was nicht", "ich habe mir weh getan", "ich hab mir weh getan",
              "ich habe mir wehgetan", "ich habe mich verletzt", "ich hab mich verletzt",
              "ich habe mir was gezerrt", "da hat was gezogen", "es zieht stark",
              "es sticht", "es brennt", "das sticht", "es pocht", "mir tut alles weh",
              "es tut höllisch weh", "ich kann nicht mehr vor schmerzen", "stopp es tut weh",
              "hör auf es tut weh", "es tut weh wenn ich das mache", "das tut mir weh",
              "ich spüre schmerzen", "ich spür einen schmerz", "da war ein stechen",
              "ich hatte gerade einen stich", "es hat geknackt und tut weh", "es tut etwas weh",
              "ein bisschen tut es weh", "es ist unangenehm und tut weh", "mir tut es weh",
              "es schmerzt sehr", "ich habe starke schmerzen", "die schmerzen sind zu stark"]
REPORT_PAIN = each(
    HURT_LINES,
    say(["mir tut", "jetzt tut mir"], ["der {Symptom}", "die {Symptom}", "das {Symptom}",
                                       "mein {Symptom}", "meine {Symptom}"], "weh"),
    say(["mein {Symptom}", "meine {Symptom}", "der {Symptom}", "die {Symptom}",
         "das {Symptom}"], ["tut weh", "schmerzt", "tut richtig weh", "tut mir weh",
                            "tut ein bisschen weh", "zwickt", "sticht", "tut jetzt weh"]),
    say(["ich habe", "ich hab", "ich spüre", "ich merke"],
        ["schmerzen im {Symptom}", "schmerzen in der {Symptom}", "schmerzen am {Symptom}",
         "schmerzen an der {Symptom}", "schmerzen beim {Symptom}", "ein stechen im {Symptom}",
         "ein stechen in der {Symptom}", "ein ziehen im {Symptom}", "ein ziehen in der {Symptom}",
         "{Sign}"]),
    say(["es tut", "das tut"], ["im {Symptom}", "in der {Symptom}", "am {Symptom}",
                                "an der {Symptom}"], "weh"),
    say(["schmerzen im {Symptom}", "schmerzen in der {Symptom}", "stechen im {Symptom}",
         "mein {Symptom} tut weh", "{Sign}"], ["", "jetzt", "gerade"]),
    say(["mir ist", "mir wird", "ich bin", "ich fühle mich", "ich fühl mich", "ich werde"],
        "{Sign}"),
    say(["ich habe mir", "ich hab mir"], ["das {Symptom}", "den {Symptom}", "die {Symptom}"],
        ["verletzt", "gezerrt", "verdreht", "verrenkt"]),
    ["ich habe {Sign} bekommen", "ich hatte {Sign}", "ich habe gerade {Sign}",
     "ich habe plötzlich {Sign}", "da ist {Sign}", "es gibt {Sign}", "ich merke {Sign}",
     "{Sign} da unten",
     "ich habe {Sign} da unten", "ich bin {Sign} da unten", "ich habe {Sign} beim üben",
     "ich habe {Sign} bei der übung", "{Symptom} tut weh",
     "{Symptom} schmerzt", "{Symptom} schmerzen",
     "ich habe mir beim üben weh getan", "mein {Symptom} macht nicht mit",
     "mein {Symptom} meldet sich", "das geht auf mein {Symptom}", "das geht auf die {Symptom}",
     "das geht auf den {Symptom}", "da zwickt es im {Symptom}", "da zwickt es in der {Symptom}",
     "mir wird gleich {Sign}", "ich werde gleich {Sign}", "ich glaube ich werde {Sign}",
     "ich glaube mir wird {Sign}", "ich glaube ich bin {Sign}", "ich glaube ich habe {Sign}",
     "ich habe eine {Sign}", "ich habe einen {Sign}", "ich {Sign}", "ich kann {Sign}",
     "es fühlt sich komisch an", "fühlt sich nicht richtig an", "das fühlt sich seltsam an",
     "das fühlt sich schlecht an", "fühlt sich schlimm an",
     "mir ist ganz {Sign}", "mir ist so {Sign}", "mir ist sehr {Sign}", "mir ist plötzlich {Sign}",
     "mir ist echt {Sign}", "es {Sign} im schritt", "es {Sign}",
     "ich hab {Sign}", "jetzt habe ich {Sign}", "ich habe auf einmal {Sign}",
     "ich habe {Sign} gekriegt",
     "ich habe leider {Sign}", "ich hab leider {Sign}", "ich habe jetzt {Sign}",
     "irgendwas stimmt nicht",
     "etwas stimmt nicht", "da ist was nicht in ordnung", "irgendwas ist komisch da unten"],
)

SAFETY = each(
    ["ich bin schwanger", "ja ich bin schwanger", "ich glaube ich bin schwanger",
     "ich bin in der schwangerschaft", "ich erwarte ein baby", "ich erwarte ein kind",
     "wir bekommen ein baby", "ich bin in der zwölften woche", "ich habe vor kurzem entbunden",
     "ich habe gerade ein baby bekommen", "ich habe vor drei monaten entbunden",
     "ich habe letzten monat ein kind bekommen", "ich hatte einen kaiserschnitt",
     "ich hatte vor kurzem einen kaiserschnitt", "ich bin im wochenbett",
     "ich hatte eine operation", "ich wurde operiert", "ich wurde vor kurzem operiert",
     "ich hatte eine op", "ich hatte eine bauch op", "ich hatte eine hüft op",
     "ich habe eine neue hüfte", "ich habe ein künstliches hüftgelenk",
     "ich habe eine hüftprothese", "ich hatte eine rücken op",
     "ich wurde an der wirbelsäule operiert",
     "ich hatte eine prostata op", "ich hatte eine gebärmutterentfernung",
     "ich habe einen leistenbruch", "ich habe einen bruch", "ich habe eine hernie",
     "ich habe einen nabelbruch", "ich habe eine senkung", "ich habe eine gebärmuttersenkung",
     "ich habe eine blasensenkung", "ich habe ein schweregefühl im becken",
     "ich habe ein druckgefühl nach unten", "da unten wölbt sich etwas vor",
     "ich habe eine vorwölbung", "ich habe eine beckenbodenschwäche",
     "ich habe immer wieder beckenschmerzen", "ich habe eine knieverletzung",
     "ich habe eine hüftverletzung", "ich habe ein kaputtes knie", "ich bin am knie verletzt",
     "ja ich hatte eine operation", "ja ich habe vor kurzem entbunden", "ja ich habe einen bruch",
     "ich habe blasenprobleme", "ich habe probleme mit der blase", "ich habe darmprobleme",
     "ich habe probleme beim sex", "ich stille noch", "ich bin frisch operiert",
     "ich habe da unten eine senkung",
     "senkung", "eine senkung", "ich hab ne senkung", "ich habe einen vorfall",
     "ich habe einen gebärmuttervorfall", "ich habe einen prolaps", "bei mir hat sich was gesenkt"],
)

PROGRESS = each(
    say(["", "und", "sag mal"],
        ["wie läuft es bei mir", "wie läuft's bei mir", "wie mache ich mich", "wie mach ich mich",
         "wie ist mein fortschritt", "was ist mein fortschritt", "mein fortschritt",
         "zeig mir meinen fortschritt", "wie weit bin ich", "wie stehe ich da",
         "wie gut bin ich", "mache ich fortschritte", "mach ich fortschritte",
         "werde ich besser", "bin ich besser geworden", "wie war ich bisher",
         "fasse meinen fortschritt zusammen", "mein stand", "wie ist mein stand",
         "wie sieht es bei mir aus", "wie steht es um meinen fortschritt",
         "gib mir einen überblick", "meine statistik", "zeig mir meine statistik",
         "wie viel habe ich schon geschafft", "was habe ich bisher geschafft", "wie läuft es",
         "wie läuft's so", "wie geht's voran", "wie komme ich voran", "meine bilanz", "bilanz",
         "zeig mir meine bilanz"]),
)

STREAK = each(
    say(["", "sag mal"],
        ["wie ist meine serie", "was ist meine serie", "meine serie", "wie lang ist meine serie",
         "wie viele tage am stück", "wie viele tage in folge habe ich geübt",
         "wie viele tage hintereinander", "wie viele tage am stück habe ich geübt",
         "was ist meine längste serie", "meine längste serie", "habe ich meine serie gehalten",
         "läuft meine serie noch", "habe ich einen tag verpasst", "habe ich tage ausgelassen",
         "wie viele tage in folge", "meine tage in folge", "wie oft hintereinander habe ich geübt",
         "ist meine serie gerissen", "hab ich meine serie noch", "mein rekord",
         "was ist mein rekord"]),
)

PERIODS_ASK = ["", "{Period}"]
SESSION_COUNT = each(
    say(["wie viele einheiten", "wie viele einheiten habe ich", "wie viele einheiten hab ich",
         "wie oft habe ich geübt", "wie oft hab ich geübt", "wie oft habe ich trainiert",
         "wie viele trainings habe ich", "wie viele sessions habe ich",
         "wie viele übungseinheiten habe ich"], PERIODS_ASK, ["", "gemacht", "geschafft"]),
    say(["wie oft habe ich", "wie oft war ich"], "{Period}", ["geübt", "dran", "beim training"]),
    ["anzahl meiner einheiten", "meine anzahl an einheiten",
     "zähl meine einheiten", "wie viele einheiten waren es {Period}"],
)

MINUTES = each(
    say(["wie viele minuten habe ich", "wie viele minuten hab ich", "wie lange habe ich",
         "wie lang hab ich", "wie viel zeit habe ich", "wie viel habe ich"], PERIODS_ASK,
        ["geübt", "trainiert", "gedehnt"]),
    ["meine übungszeit", "wie viel übungszeit", "meine gesamte übungszeit",
     "meine minuten {Period}",
     "wie viele minuten waren es {Period}", "wie lange war ich {Period} dran"],
)

LAST_SESSION = each(
    ["wann habe ich zuletzt geübt", "wann hab ich zuletzt geübt",
     "wann habe ich das letzte mal geübt",
     "wann war meine letzte einheit", "wann war mein letztes training", "meine letzte einheit",
     "erzähl mir von meiner letzten einheit", "was habe ich letztes mal gemacht",
     "was hab ich das letzte mal gemacht", "wie lange war meine letzte einheit",
     "habe ich gestern geübt", "hab ich gestern geübt", "habe ich heute schon geübt",
     "hab ich heute schon geübt", "habe ich heute schon trainiert", "wann war ich zuletzt dran",
     "wann war das letzte training", "letztes training", "die letzte einheit",
     "was war meine letzte übung", "habe ich meine übungen heute gemacht",
     "habe ich gestern meine übungen gemacht", "wann habe ich zuletzt trainiert",
     "wie lange ist mein letztes training her"],
)

PROGRAM_WEEK = each(
    ["in welcher woche bin ich", "welche woche ist es", "welche woche habe ich",
     "in welcher woche des programms bin ich", "welche woche im programm",
     "wo stehe ich im programm", "wie weit bin ich im programm", "welche programmwoche",
     "in welcher phase bin ich", "welche phase ist das", "welches level habe ich",
     "auf welcher stufe bin ich", "welche woche ist dran", "bin ich schon in der erhaltungsphase",
     "welche woche habe ich gerade", "in welcher woche stehe ich",
     "wie viele wochen hat das programm", "wie lange geht das programm noch"],
)

WHERE_LEFT_OFF = each(
    ["wo war ich", "wo war ich stehen geblieben", "wo bin ich stehen geblieben",
     "wo habe ich aufgehört", "wo hab ich aufgehört", "wo waren wir",
     "wo waren wir stehen geblieben",
     "wo sind wir", "bei welcher übung bin ich", "bei welcher übung war ich",
     "an welcher stelle war ich", "wie weit war ich gekommen", "wie weit bin ich gekommen",
     "welche übung war die letzte", "wo hatte ich aufgehört", "bei welchem schritt bin ich",
     "wo waren wir vorhin", "an welcher stelle sind wir"],
)

DELETE = each(
    say(["lösch", "lösche", "entferne", "vergiss"],
        ["meinen fortschritt", "meine daten", "alle meine daten", "meinen verlauf",
         "mein profil", "alles über mich", "meine gespeicherten daten", "meine einheiten"]),
    ["fortschritt löschen", "daten löschen", "alle daten löschen", "meine daten entfernen",
     "ich möchte meine daten löschen", "ich will meine daten löschen",
     "ich möchte meinen fortschritt löschen", "setz meinen fortschritt zurück",
     "fortschritt zurücksetzen", "alles zurücksetzen", "alles löschen und neu anfangen",
     "lösch alles was du über mich weißt", "vergiss alles was du über mich weißt",
     "meine daten sollen gelöscht werden", "mein konto löschen"],
)

FEELING_GOOD = each(
    ["gut", "sehr gut", "richtig gut", "ganz gut", "super", "prima", "toll", "klasse", "spitze",
     "wunderbar", "herrlich", "angenehm", "sehr angenehm", "entspannt", "schön", "sehr schön",
     "echt gut", "total gut", "bestens", "alles gut", "passt alles", "hat gut getan",
     "das hat gut getan", "das tat gut", "tat gut", "es hat sich gut angefühlt",
     "hat sich gut angefühlt", "fühlt sich gut an", "es fühlt sich gut an", "es war gut",
     "das war gut", "das war schön", "das war angenehm", "das war entspannend", "entspannend",
     "es war entspannend", "ich fühle mich gut", "ich fühl mich gut", "mir geht es gut",
     "mir geht's gut", "mir gehts gut", "ich fühle mich entspannt", "ich bin entspannt",
     "ich fühle mich locker", "ganz locker", "schön locker", "locker", "leicht",
     "ich fühle mich leichter",
     "besser", "viel besser", "es geht mir besser", "es ist besser", "schon besser",
     "es tut nicht weh", "tut nicht weh", "nichts tut weh", "keine schmerzen",
     "gar keine schmerzen",
     "ohne schmerzen", "schmerzfrei", "nein es tut nicht weh", "es hat nicht wehgetan",
     "hat nicht wehgetan", "es war nicht schmerzhaft", "okay danke", "gut danke", "danke gut",
     "ganz okay", "war okay", "es war okay", "geht so", "ganz gut eigentlich",
     "meine hüften fühlen sich gut an", "meine hüfte fühlt sich gut an",
     "mein rücken fühlt sich gut an",
     "der beckenboden fühlt sich weich an", "weich und schwer", "schwer und weich",
     "es war wohltuend", "wohltuend", "das war wohltuend", "erfrischt", "ich fühle mich erfrischt",
     "befreit", "ich fühle mich befreit", "eine erleichterung", "erleichternd", "genial",
     "mega", "mega gut", "voll gut", "einfach gut", "perfekt", "optimal", "großartig",
     "ausgezeichnet", "fantastisch", "sehr entspannend", "es war gut danke", "danke es war gut",
     "es war schön danke", "fühlt sich besser an", "es ging gut", "lief gut", "lief super",
     "das lief gut", "ging gut", "war gut", "war super", "war schön", "war angenehm",
     "gut gegangen", "hat spaß gemacht", "das hat spaß gemacht", "schön entspannt",
     "alles bestens", "keine probleme", "nein alles bestens", "mir geht es prima",
     "ich bin zufrieden", "zufrieden", "sehr zufrieden", "es war wirklich gut",
     "ich habe nichts gespürt was wehtut", "es hat nirgends wehgetan", "nein nichts tut weh",
     "nicht schlecht", "gar nicht so schlecht", "war nicht schlecht", "echt nicht schlecht"],
)

WAIT = each(
    ["warte", "warte mal", "warte kurz", "wart mal", "moment", "moment mal", "einen moment",
     "einen moment bitte", "moment bitte", "sekunde", "eine sekunde", "einen augenblick",
     "augenblick", "augenblick bitte", "kleinen moment", "einen kleinen moment",
     "gib mir eine sekunde", "gib mir eine minute", "gib mir einen moment", "gib mir kurz",
     "kurz warten", "warte bitte", "bitte warte", "warte einen moment", "warte eine sekunde",
     "noch nicht weiter", "nicht so schnell", "halt mal kurz", "ich brauche noch einen moment",
     "ich brauch noch kurz", "ich bin noch nicht so weit", "bin noch nicht so weit",
     "noch nicht bereit", "ich bin noch nicht bereit", "ich muss mich erst hinlegen",
     "ich muss erst die matte holen", "ich hole meine matte", "ich hol kurz die matte",
     "lass mich erst in position kommen", "ich komme noch in position", "ich brauche noch zeit",
     "noch ein bisschen zeit", "ich muss kurz aufs klo", "ich muss mal auf toilette",
     "ich muss mal", "das telefon klingelt", "mein handy klingelt", "es hat an der tür geklingelt",
     "ich geh kurz an die tür", "ich hole mir ein glas wasser", "ich trinke kurz was",
     "ich bin gleich wieder da", "bin gleich zurück", "bin gleich wieder da",
     "gleich wieder da", "ich komme gleich", "komme gleich", "eine minute",
     "noch eine minute", "noch einen moment", "sekunde noch", "nur kurz", "kurz",
     "ich ziehe mich noch um", "ich zieh mich kurz um", "ich muss mich erst setzen",
     "ich setz mich erst hin", "ich leg mich erst hin", "warte ich bin noch nicht unten",
     "halt stopp noch nicht", "mach langsam", "moment ich komme nicht hinterher",
     "warte ich muss noch die decke holen", "ich suche noch ein kissen", "ich hol ein kissen",
     "ich bin noch dabei", "ich bin noch nicht fertig", "noch nicht fertig", "gleich",
     "gleich gehts weiter", "ich brauch noch"],
)

DONE_FOR_TODAY = each(
    ["danke", "danke schön", "dankeschön", "vielen dank", "danke dir", "herzlichen dank",
     "tausend dank", "merci", "danke das wars", "danke das war's", "danke das reicht",
     "das war's für heute", "das wars für heute", "das reicht für heute", "genug für heute",
     "für heute reicht es", "für heute ist schluss", "schluss für heute",
     "ich bin fertig für heute",
     "ich höre für heute auf", "ich mach für heute schluss", "ich mache schluss für heute",
     "feierabend", "das wär's", "das war alles", "das ist alles", "mehr nicht",
     "mehr brauche ich nicht",
     "gute nacht", "bis morgen", "bis morgen dann", "bis zum nächsten mal", "schönen tag noch",
     "ich muss jetzt los", "ich muss los", "ich hab keine zeit mehr", "ich habe keine zeit mehr",
     "keine zeit mehr", "ich kann heute nicht mehr", "ich kann nicht mehr",
     "mir reicht's für heute",
     "ich bin durch für heute", "das genügt", "das genügt für heute", "danke für heute",
     "danke für die übungen", "danke für das training", "danke coach", "danke das war super",
     "super danke", "prima danke", "okay danke das wars", "bis bald", "mach's gut",
     "machs gut", "wir sehen uns morgen", "ich mache morgen weiter", "morgen weiter",
     "den rest mache ich morgen", "ich mache später weiter", "später weiter",
     "ich höre hier auf", "hier aufhören", "ich hör jetzt auf", "aufhören für heute"],
)

HOW_LONG = each(
    ["wie lange dauert das", "wie lange dauert das programm",
     "wie lange dauert das heutige programm",
     "wie lange dauert es", "wie lange noch", "wie lang noch", "wie lange geht das noch",
     "wie viel fehlt noch", "wie viel ist noch übrig", "was fehlt noch", "wie viele übungen noch",
     "wie viele kommen noch", "wie viele übungen fehlen noch", "sind wir bald fertig",
     "sind wir fast fertig", "ist es bald vorbei", "wie viel zeit noch",
     "wie viel zeit brauchen wir",
     "wie viel zeit brauche ich", "wie viele minuten noch", "was kommt als nächstes",
     "was kommt noch", "welche übung kommt jetzt", "welche übung kommt als nächstes",
     "was ist die nächste übung", "was ist die nächste dehnung", "was machen wir als nächstes",
     "was kommt danach", "wie weit sind wir", "wie viele noch", "wie lange brauchen wir heute",
     "wie lange dauert die einheit", "wie lang ist das programm",
     "wie lang ist das heutige programm",
     "wie viel kommt noch", "was haben wir noch", "ist das die letzte übung",
     "kommt noch was", "wie lange dauern die übungen", "sind wir bald durch",
     "was machen wir dann", "was kommt dann", "und danach",
     "sind wir gleich fertig", "wann sind wir durch", "haben wir es bald"],
)

EXPLAIN = each(
    say(["was ist", "was ist eigentlich", "erklär mir", "erkläre mir", "wie geht",
         "wie funktioniert", "wie mache ich", "wofür ist", "was bringt", "was macht",
         "wozu ist"], ["der {Exercise}", "die {Exercise}", "das {Exercise}", "{Exercise}"]),
    ["was sind {Exercise}", "was ist eine {Exercise}", "was ist ein {Exercise}",
     "wie macht man die {Exercise}", "wie macht man den {Exercise}", "wie macht man {Exercise}",
     "was bringt mir die {Exercise}", "was bringt mir der {Exercise}", "erklär die {Exercise}",
     "erklär den {Exercise}", "wofür ist die {Exercise} gut", "wofür ist der {Exercise} gut",
     "wofür ist {Exercise} gut", "wie geht die übung {Exercise}"],
)

ON_TRACK = each(
    ["bin ich im plan", "bin ich auf kurs", "bin ich gut dabei", "liege ich gut im plan",
     "bin ich im zeitplan", "wann komme ich in die nächste woche",
     "wann geht es zur nächsten woche",
     "wie viele tage noch bis zur nächsten woche", "wie lange noch bis zur nächsten woche",
     "wann ist die nächste stufe", "wann komme ich weiter", "wann geht es weiter im programm",
     "wie nah bin ich an der nächsten woche", "was fehlt mir für die nächste woche",
     "schaffe ich die woche", "bin ich bereit für die nächste woche", "darf ich schon weiter",
     "wie viele tage brauche ich noch", "wann steige ich auf", "wann ist die nächste woche dran",
     "bin ich auf dem guten weg", "läuft es nach plan", "bin ich auf dem richtigen kurs"],
)

CHANGE_SETTING = each(
    # Every carrier says what it does ("stell", "mach", "ab jetzt", "tempo"): a frame alone
    # ("ich will {Change}", "bitte {Change}") would take any words at all for a setting.
    say(["{Change}"], ["ab jetzt", "von jetzt an", "ab sofort", "in zukunft"], ["", "bitte"]),
    say(["mach es", "mach", "mach das", "stell es", "stell", "schalte", "schalt"], "{Change}",
        ["", "bitte", "ab jetzt"]),
    ["stell auf {Change}", "stell es auf {Change}", "einstellung {Change}",
     "ändere die einstellung auf {Change}", "beim nächsten mal {Change}", "nächstes mal {Change}",
     "kannst du es {Change} machen", "geht es {Change}", "geht das {Change}",
     "das tempo ist {Change}", "das tempo ist mir {Change}", "die wiederholungen {Change}",
     "die haltezeit {Change}", "{Change} wenn es geht", "schalte die {Change}",
     "mach die {Change}", "das geht mir {Change}", "stell die übungen {Change} ein",
     "ich möchte die übungen {Change}", "ich hätte die übungen gern {Change}",
     "ändere das tempo auf {Change}", "kannst du das tempo {Change} machen",
     "mach die übungen {Change}", "bitte die einstellung {Change}",
     "einstellungen ändern auf {Change}", "trainiere mich {Change}", "leite mich {Change} an",
     "sprich {Change}", "red {Change}", "rede {Change}", "führ mich {Change}",
     "erklär {Change}", "erkläre {Change}", "mach ruhig {Change}", "geh {Change} vor"],
)

SETTINGS_STATUS = each(
    ["was sind meine einstellungen", "welche einstellungen habe ich", "meine einstellungen",
     "zeig meine einstellungen", "wie sind meine einstellungen", "sag mir meine einstellungen",
     "wie ist das tempo eingestellt", "welches tempo habe ich", "wie lange halte ich",
     "wie viele wiederholungen habe ich eingestellt", "sind die töne an", "sind die töne aus",
     "was habe ich eingestellt", "wie bist du eingestellt", "aktuelle einstellungen",
     "welche einstellung ist gerade aktiv", "wie ist alles eingestellt",
     "welche einstellungen gelten gerade"],
)

RESET_SETTINGS = each(
    ["einstellungen zurücksetzen", "setz die einstellungen zurück",
     "setz meine einstellungen zurück",
     "standardeinstellungen", "zurück zu den standardeinstellungen",
     "alle einstellungen zurücksetzen",
     "einstellungen auf standard", "stell alles wieder normal ein",
     "alles wieder wie am anfang einstellen",
     "normale einstellungen bitte", "zurück zu den normalen einstellungen", "werkseinstellungen",
     "einstellungen wie am anfang", "setz das tempo zurück",
     "einstellungen zurück auf anfang", "alles auf standard zurück", "stell alles zurück",
     "setz alles zurück auf normal", "die standard einstellungen bitte", "normaleinstellungen",
     "einstellungen rückgängig machen"],
)

SHORT_ROUTINE = each(
    say(["ich habe nur", "ich hab nur", "ich habe", "ich hab", "nur", "bloß", "ich habe heute nur",
         "ich hab heute nur", "heute nur"], "{Minutes}", "minuten", ["", "zeit"]),
    ["ich habe wenig zeit", "ich hab wenig zeit", "ich habe nicht viel zeit", "ich hab's eilig",
     "ich habe es eilig", "ich bin in eile", "nur kurz heute", "eine kurze einheit",
     "ein kurzes programm", "eine kurze runde", "mach es kurz", "die kurze version",
     "ein programm für {Minutes} minuten", "ein {Minutes} minuten programm",
     "in {Minutes} minuten", "nur {Minutes} minuten bitte", "maximal {Minutes} minuten",
     "höchstens {Minutes} minuten", "ich habe nur ein paar minuten", "ich bin spät dran",
     "kurzprogramm", "schnelles programm", "etwas kurzes"],
)

JUST_STRETCHES = each(
    ["nur die dehnungen", "nur dehnen", "nur dehnübungen", "nur die dehnübungen",
     "heute nur dehnen", "heute nur die dehnungen", "ich will nur dehnen", "ich möchte nur dehnen",
     "bloß die dehnungen", "nur stretching", "nur stretchen", "dehnungen ohne beckenboden",
     "ohne beckenboden übungen", "nur die hüftdehnungen", "nur hüfte dehnen",
     "lass uns nur dehnen", "nur die dehnungen bitte", "ab hier nur dehnen"],
)

MAKE_EASIER = each(
    ["mach es leichter", "mach es einfacher", "mach es sanfter", "leichter bitte",
     "einfacher bitte",
     "sanfter bitte", "das ist zu schwer", "das ist mir zu schwer", "zu schwer", "zu anstrengend",
     "das ist zu anstrengend", "das ist zu viel", "zu viel für mich",
     "ich schaffe das nicht", "ich schaff das nicht", "das schaffe ich nicht",
     "eine leichtere version",
     "die leichtere variante", "eine leichtere variante bitte", "geht das leichter",
     "kann es sanfter sein", "kannst du es leichter machen", "kannst du es einfacher machen",
     "eine woche zurück", "geh eine woche zurück", "zurück in die letzte woche",
     "weniger anstrengend bitte", "ich bin überfordert", "das überfordert mich",
     "zu heftig", "das ist zu heftig", "etwas leichter", "ein bisschen leichter",
     "ich komme nicht mit", "da komme ich nicht mit", "das ist zu schwierig", "zu schwierig"],
)

TIME_WORDS = ["um {Time}", "{Time}", "jeden tag um {Time}", "täglich um {Time}", "für {Time}",
              "jeden {Time}", "immer um {Time}", "morgens um {Time}", "abends um {Time}"]
SET_REMINDER = each(
    say(["erinnere mich", "erinner mich", "erinnere mich bitte", "bitte erinnere mich"],
        ["jeden tag um {Time}", "täglich um {Time}", "um {Time}", "jeden {Time}",
         "immer um {Time}", "ans üben", "an meine übungen", "an mein programm", "ans training",
         "täglich", "jeden tag", "ans üben um {Time}", "an die übungen um {Time}",
         "jeden tag ans üben", "täglich an meine übungen"]),
    say(["stell eine erinnerung", "stelle eine erinnerung", "stell mir eine erinnerung",
         "richte eine erinnerung ein", "eine erinnerung", "tägliche erinnerung",
         "eine tägliche erinnerung", "stell eine tägliche erinnerung",
         "leg eine erinnerung an", "erstelle eine erinnerung"],
        ["", "um {Time}", "für {Time}", "auf {Time}", "jeden tag um {Time}", "bitte"]),
    ["ich möchte eine erinnerung", "ich hätte gern eine erinnerung",
     "ich möchte jeden tag erinnert werden", "ich will täglich erinnert werden",
     "kannst du mich jeden tag erinnern", "kannst du mich um {Time} erinnern",
     "kannst du mich erinnern", "erinnerung einrichten", "erinnerung einstellen",
     "erinnerung um {Time}", "erinnerung für {Time}", "erinnerungen einschalten",
     "gib mir jeden tag um {Time} bescheid", "sag mir jeden tag um {Time} bescheid",
     "sag mir jeden tag bescheid", "schick mir eine erinnerung"],
)

CHANGE_REMINDER = each(
    say(["ändere meine erinnerung", "ändere die erinnerung", "änder meine erinnerung",
         "verschieb meine erinnerung", "verschiebe meine erinnerung", "verschieb die erinnerung",
         "verleg meine erinnerung", "stell meine erinnerung", "stell die erinnerung",
         "setz meine erinnerung"],
        ["auf {Time}", "um {Time}", "auf {Time} statt", "{Shift}", "um {By} {Shift}",
         "{By} {Shift}", "eine stunde {Shift}", "ein bisschen {Shift}", "lieber auf {Time}"]),
    ["ändere meine erinnerung", "ändere die erinnerung", "erinnerung ändern",
     "erinnerung verschieben", "andere uhrzeit für die erinnerung",
     "neue uhrzeit für die erinnerung",
     "die erinnerung soll {Shift} kommen", "die erinnerung {Shift}", "erinnerung {Shift}",
     "erinnere mich lieber um {Time}", "erinnere mich stattdessen um {Time}",
     "erinnere mich {Shift}", "erinnere mich {By} {Shift}", "die erinnerung auf {Time} verlegen",
     "die erinnerung lieber um {Time}", "kannst du die erinnerung {Shift} machen",
     "mach die erinnerung {Shift}", "mach die erinnerung {By} {Shift}",
     "ich möchte die erinnerung um {Time}", "ich hätte die erinnerung lieber {Shift}",
     "die erinnerung auf {Time} ändern", "die uhrzeit der erinnerung ändern",
     "stell die erinnerung bitte auf {Time}", "stell meine erinnerung bitte auf {Time}",
     "die erinnerung bitte auf {Time}", "verschieb die erinnerung bitte auf {Time}",
     "setz die erinnerung bitte auf {Time}", "die erinnerung jetzt auf {Time}",
     "ich will die erinnerung auf eine andere zeit", "die erinnerung zu einer anderen uhrzeit",
     "ich möchte eine andere zeit für die erinnerung",
     "die erinnerung lieber zu einer anderen zeit",
     "andere zeit für die erinnerung", "ich will eine andere uhrzeit",
     "ich möchte die erinnerung ändern",
     "ich will die erinnerung verschieben"],
)

REMINDER_STATUS = each(
    ["wann ist meine erinnerung", "wann kommt meine erinnerung",
     "um wie viel uhr ist meine erinnerung",
     "habe ich eine erinnerung", "hab ich eine erinnerung", "ist eine erinnerung eingestellt",
     "gibt es eine erinnerung", "meine erinnerung", "welche erinnerung habe ich",
     "wann erinnerst du mich", "erinnerst du mich jeden tag",
     "auf wann ist die erinnerung gestellt",
     "für wann ist meine erinnerung", "ist meine erinnerung noch da",
     "wie ist meine erinnerung eingestellt",
     "wann ist meine tägliche erinnerung", "habe ich schon eine erinnerung",
     "hab ich überhaupt eine erinnerung", "ist die erinnerung an", "gibt es schon eine erinnerung",
     "habe ich eine erinnerung eingestellt", "um wie viel uhr erinnerst du mich",
     "wann kommt die erinnerung", "wann klingelt meine erinnerung", "ist eine erinnerung aktiv",
     "habe ich denn eine erinnerung",
     "hab ich denn schon eine erinnerung", "gibt es eigentlich eine erinnerung",
     "ist eigentlich eine erinnerung gestellt", "hab ich ne erinnerung"],
)

CANCEL_REMINDER = each(
    say(["lösch", "lösche", "entferne", "stopp", "beende", "deaktiviere"],
        ["meine erinnerung", "die erinnerung", "die tägliche erinnerung",
         "meine tägliche erinnerung"]),
    ["erinnerung löschen", "erinnerung ausschalten", "schalte die erinnerung aus",
     "schalte meine erinnerung ab", "keine erinnerungen mehr", "keine erinnerung mehr",
     "ich will keine erinnerung mehr", "ich möchte keine erinnerung mehr",
     "erinnere mich nicht mehr",
     "hör auf mich zu erinnern", "die erinnerung brauche ich nicht mehr", "erinnerung abbestellen",
     "tägliche erinnerung löschen", "erinnerung entfernen", "erinnerung stoppen",
     "mach die erinnerung aus", "mach meine erinnerung aus", "die erinnerung nervt",
     "schalt die erinnerung aus", "die erinnerung kann weg", "weg mit der erinnerung"],
)

MINUTES_ELICIT = ["{Minutes}", "{Minutes} minuten", "{Minutes} bitte", "etwa {Minutes} minuten",
                  "ungefähr {Minutes} minuten", "so {Minutes} minuten", "vielleicht {Minutes}",
                  "vielleicht {Minutes} minuten", "nur {Minutes}", "bloß {Minutes}",
                  "ich habe {Minutes}", "ich hab {Minutes}", "sagen wir {Minutes}",
                  "sagen wir {Minutes} minuten", "{Minutes} minuten heute",
                  "circa {Minutes} minuten",
                  "{Minutes} min", "gut {Minutes} minuten", "knapp {Minutes} minuten",
                  "{Minutes} minuten bitte"]
TIME_ELICIT = ["{Time}", "um {Time}", "{Time} bitte", "jeden tag um {Time}", "um {Time} bitte",
               "täglich um {Time}", "immer um {Time}", "so um {Time}", "gegen {Time}",
               "ungefähr um {Time}", "sagen wir {Time}", "sagen wir um {Time}",
               "am besten um {Time}",
               "{Time} jeden tag", "{Time} wäre gut", "{Time} passt", "um {Time} passt mir",
               "wie wäre es mit {Time}", "lieber um {Time}", "am {Time}"]

SAMPLES: dict[str, list[str]] = {
    "AMAZON.NextIntent": NEXT,
    "AMAZON.RepeatIntent": REPEAT,
    "AMAZON.PauseIntent": PAUSE,
    "AMAZON.ResumeIntent": RESUME,
    "AMAZON.StartOverIntent": START_OVER,
    "AMAZON.YesIntent": YES,
    "AMAZON.NoIntent": NO,
    "AMAZON.HelpIntent": HELP,
    "AMAZON.StopIntent": STOP,
    "AMAZON.CancelIntent": CANCEL,
    "AMAZON.FallbackIntent": FALLBACK,
    "AMAZON.NavigateHomeIntent": NAVIGATE_HOME,
    "StartRoutineIntent": START_ROUTINE,
    "TodaysRoutineIntent": TODAYS_ROUTINE,
    "GuideExerciseIntent": GUIDE_EXERCISE,
    "SkipIntent": SKIP,
    "ReportPainIntent": REPORT_PAIN,
    "SafetyConditionIntent": SAFETY,
    "ProgressSummaryIntent": PROGRESS,
    "StreakIntent": STREAK,
    "SessionCountIntent": SESSION_COUNT,
    "MinutesPractisedIntent": MINUTES,
    "LastSessionIntent": LAST_SESSION,
    "ProgramWeekIntent": PROGRAM_WEEK,
    "WhereLeftOffIntent": WHERE_LEFT_OFF,
    "DeleteProgressIntent": DELETE,
    "AMAZON.PreviousIntent": PREVIOUS,
    "FeelingGoodIntent": FEELING_GOOD,
    "WaitIntent": WAIT,
    "DoneForTodayIntent": DONE_FOR_TODAY,
    "HowLongIntent": HOW_LONG,
    "ExplainExerciseIntent": EXPLAIN,
    "OnTrackIntent": ON_TRACK,
    "ChangeSettingIntent": CHANGE_SETTING,
    "SettingsStatusIntent": SETTINGS_STATUS,
    "ResetSettingsIntent": RESET_SETTINGS,
    "ShortRoutineIntent": SHORT_ROUTINE,
    "JustStretchesIntent": JUST_STRETCHES,
    "MakeEasierIntent": MAKE_EASIER,
    "SetReminderIntent": SET_REMINDER,
    "ChangeReminderIntent": CHANGE_REMINDER,
    "ReminderStatusIntent": REMINDER_STATUS,
    "CancelReminderIntent": CANCEL_REMINDER,
}

SLOT_SAMPLES = {("ShortRoutineIntent", "Minutes"): MINUTES_ELICIT,
                ("SetReminderIntent", "Time"): TIME_ELICIT}

VALUES: dict[str, dict[str, list[str]]] = {
    "ExerciseName": {
        "reverse_kegel": ["beckenboden entspannung", "umgekehrte kegel", "umgekehrte kegelübung",
                          "umgekehrte kegel übung", "umgekehrte kegelübungen", "reverse kegel",
                          "kegel", "kegelübung", "kegel übungen", "beckenboden", "beckenbodenübung",
                          "beckenboden übung", "beckenboden übungen", "beckenbodentraining",
                          "beckenboden loslassen", "beckenboden entspannen", "entspannung",
                          "entspannungen", "das loslassen", "loslassen", "atemübung",
                          "beckenboden atmung", "die kegel"],
        "pigeon": ["taube", "taubenhaltung", "tauben dehnung", "taubendehnung", "die taube",
                   "yoga taube", "taube im vierfüßlerstand", "königstaube"],
        "butterfly": ["schmetterling", "schmetterlingsdehnung", "schmetterlings dehnung",
                      "schmetterlingssitz", "der schmetterling", "schuster sitz", "schustersitz",
                      "butterfly"],
        "seated_hip": ["hüftdehnung im sitzen", "hüftdehnung sitzend", "sitzende hüftdehnung",
                       "hüftdehnung", "hüfte im sitzen", "dehnung im sitzen", "vorbeuge im sitzen",
                       "sitzende vorbeuge"],
        "bridge": ["brücke", "die brücke", "beckenheben", "becken heben", "schulterbrücke",
                   "glute bridge", "hüftheben"],
        "kneeling_hip_flexor": ["hüftbeuger dehnung im knien", "hüftbeugerdehnung",
                                "hüftbeuger dehnung", "hüftbeuger", "dehnung im knien",
                                "kniende hüftbeugerdehnung", "halber kniestand", "psoas dehnung",
                                "psoas", "iliopsoas dehnung", "ausfallschritt dehnung"],
        "pigeon_easier": ["taube im liegen", "liegende taube", "taube in rückenlage",
                          "leichte taube", "einfache taube", "sanfte taube", "vierer dehnung",
                          "figur vier dehnung"],
    },
    "TimePeriod": {
        "today": ["heute", "heute bisher", "bis jetzt heute", "für heute"],
        "week": ["diese woche", "in dieser woche", "die woche", "bisher diese woche",
                 "in den letzten sieben tagen", "die letzten sieben tage", "seit montag"],
        "month": ["diesen monat", "in diesem monat", "den monat", "bisher diesen monat",
                  "in den letzten dreißig tagen", "im laufenden monat"],
        "all": ["insgesamt", "bisher", "überhaupt", "alles in allem", "seit dem anfang",
                "seit beginn", "total", "gesamt", "bis jetzt"],
        "yesterday": ["gestern", "am gestrigen tag"],
        "last_week": ["letzte woche", "in der letzten woche", "vorige woche", "vergangene woche",
                      "in der vorigen woche"],
        "last_month": ["letzten monat", "im letzten monat", "vorigen monat", "im vorigen monat",
                       "vergangenen monat"],
    },
    "Symptom": {
        "knee": ["knie", "kniegelenk", "kniescheibe", "knieschmerzen", "linkes knie",
                 "rechtes knie", "beide knie"],
        "back": ["rücken", "unterer rücken", "kreuz", "lendenwirbel", "lendenwirbelsäule",
                 "wirbelsäule", "rückenschmerzen", "oberer rücken", "ischias", "steißbein"],
        "hip": ["hüfte", "hüften", "hüftgelenk", "hüftschmerzen", "po", "gesäß", "pobacke",
                "linke hüfte", "rechte hüfte"],
        "groin": ["leiste", "leisten", "leistengegend", "innenseite oberschenkel",
                  "oberschenkel innen", "adduktoren", "leistenschmerzen"],
        "neck": ["nacken", "hals", "genick", "nackenschmerzen", "schultern", "schulter"],
        "pelvic": ["becken", "unterleib", "unterbauch", "beckenboden", "intimbereich",
                   "damm", "beckenbereich", "schambein"],
        "sex": ["sex", "geschlechtsverkehr", "beim sex", "intimverkehr"],
        "chest": ["brust", "brustkorb", "herz", "herzgegend"],
    },
    "SymptomSign": {
        "dizzy": ["schwindelig", "schwindlig", "schwindel", "mir dreht sich alles",
                  "benommen", "wackelig auf den beinen", "drehschwindel"],
        "faint": ["ohnmächtig", "ohnmacht", "schwarz vor augen", "kollabiert",
                  "kurz weg gewesen", "bewusstlos", "als ob ich umkippe"],
        "numbness": ["taub", "taubheit", "taubheitsgefühl", "kribbeln", "kribbelt", "gefühllos",
                     "taub im intimbereich", "taub im schritt",
                     "taub im reithosenbereich", "kein gefühl da unten", "kribbeln im schritt"],
        "blood": ["blut", "blutung", "blutungen", "blutig", "blute", "schmierblutung"],
        "leaking": ["urinverlust", "inkontinenz", "undicht", "tröpfeln", "ein paar tropfen",
                    "harnverlust", "in die hose gemacht", "ausgelaufen", "urin verloren",
                    "ein bisschen urin verloren"],
        "control": ["keine kontrolle über die blase", "keine kontrolle über den darm",
                    "kontrollverlust", "blase nicht mehr unter kontrolle",
                    "meine blase nicht mehr kontrollieren",
                    "die blase nicht mehr kontrollieren", "den darm nicht mehr kontrollieren",
                    "die blase nicht halten", "den stuhl nicht halten",
                    "darm nicht mehr unter kontrolle", "stuhlinkontinenz"],
        "emptying": ["probleme beim wasserlassen", "kann nicht pinkeln", "kann nicht wasserlassen",
                     "blase wird nicht leer", "verstopfung", "kann nicht auf toilette",
                     "harnverhalt", "probleme beim stuhlgang", "nicht richtig pinkeln",
                     "nicht pinkeln"],
        "fever": ["fieber", "fiebrig", "erhöhte temperatur", "schüttelfrost"],
        "cramp": ["krampf", "einen krampf", "wadenkrampf", "krämpfe", "muskelkrampf",
                  "krampf im bein", "krampf im fuß"],
        "tight": ["verspannt", "verspannung", "spannt", "verkrampft", "zu fest",
                  "spannungsgefühl", "ziehgefühl"],
        "chest": ["brustschmerzen", "schmerzen in der brust", "druck auf der brust",
                  "enge in der brust", "herzschmerzen", "stechen in der brust"],
        "pelvic": ["beckenschmerzen", "unterleibsschmerzen", "schmerzen im becken",
                   "schmerzen im unterleib", "schmerzen im beckenboden", "schmerzen da unten"],
        "sex": ["schmerzen beim sex", "schmerzen beim geschlechtsverkehr",
                "schmerzen beim verkehr"],
        "pain": ["stiche", "schmerzattacke", "brennen", "pochen", "stechender schmerz",
                 "heftige schmerzen", "brennende schmerzen"],
    },
    "SettingChange": {
        "slower": ["langsamer", "ein bisschen langsamer", "mir zu schnell", "etwas langsamer",
                   "viel langsamer", "ruhiger", "gemächlicher",
                   "mehr zeit", "zu schnell", "nicht so schnell", "weniger hektisch",
                   "langsamer bitte", "mit mehr ruhe", "gemütlicher"],
        "faster": ["schneller", "ein bisschen zügiger", "etwas zügiger bitte", "mir zu langsam",
                   "zügiger", "etwas schneller", "zu langsam", "flotter",
                   "nicht so langsam", "schneller bitte", "tempo rauf", "mehr tempo"],
        "longer_holds": ["länger halten", "längere haltezeit", "länger dehnen", "längere dehnungen",
                         "die haltezeit länger", "zu kurz gehalten", "länger",
                         "haltezeit zu kurz", "zu kurz"],
        "shorter_holds": ["kürzer halten", "kürzere haltezeit", "kürzer dehnen",
                          "kürzere dehnungen",
                          "die haltezeit kürzer", "zu lang gehalten", "kürzer",
                          "haltezeit zu lang", "zu lange halten", "zu lange"],
        "more_reps": ["mehr wiederholungen", "öfter", "mehr entspannungen",
                      "zu wenig wiederholungen",
                      "ein paar mehr wiederholungen", "mehr davon"],
        "fewer_reps": ["weniger wiederholungen", "seltener", "weniger entspannungen",
                       "zu viele wiederholungen", "ein paar weniger wiederholungen",
                       "weniger davon"],
        "less_talking": ["weniger reden", "nicht so viel", "weniger erklärungen",
                         "kürzere erklärungen",
                         "nur kurze hinweise", "kurz gefasst", "weniger gerede",
                         "du redest zu viel",
                         "zu viel gerede", "weniger text", "knapper",
                         "nicht so viel reden", "weniger erklären", "kurze ansagen",
                         "nicht so viel quatschen", "kürzer fassen", "weniger sprechen"],
        "more_talking": ["mehr erklärungen", "wieder alles genau", "alles genau", "ausführlicher",
                         "alles erklären",
                         "ausführliche erklärungen",
                         "mehr erklären", "genauer erklären", "mehr details",
                         "alles genau erklären", "wieder ausführlich", "ausführlich erklären",
                         "wieder alles erklären"],
        "auto_off": ["nicht automatisch weiter", "warte auf mich", "automatisch weiter aus",
                     "nicht von selbst weiter", "auf mein kommando warten"],
        "auto_on": ["automatisch weiter", "von selbst weiter", "automatisch weitermachen",
                    "automatisch weiter an", "ohne warten weiter"],
        "tones_on": ["töne an", "mit tönen", "mit signalton", "signaltöne an", "klänge an",
                     "mit klang", "töne einschalten", "tönen statt worten",
                     "lieber töne", "töne statt worte"],
        "tones_off": ["töne aus", "ohne töne", "ohne signalton", "signaltöne aus", "klänge aus",
                      "ohne klang", "töne ausschalten", "keine töne", "keine töne mehr",
                      "wieder worte"],
    },
    "ReminderShift": {
        "later": ["später", "etwas später", "ein bisschen später", "nach hinten", "später am tag"],
        "earlier": ["früher", "etwas früher", "ein bisschen früher", "nach vorne", "früher am tag",
                    "eher"],
    },
}

PROMPTS = {"Elicit.Slot.ShortRoutineIntent.Minutes": "Wie viele Minuten hast du?",
           "Elicit.Slot.SetReminderIntent.Time": "Um wie viel Uhr, jeden Tag?"}


def _samples(intent: str) -> list[str]:
    # A slot alone is no sample: Alexa would hear any words at all as that slot.
    return [sample for sample in dict.fromkeys(SAMPLES[intent])
            if not (sample.startswith("{") and sample.endswith("}") and " " not in sample)]


def model() -> dict[str, Any]:
    """de-DE's model: en-US's shape (intents, slots, types, ids, dialog), German words."""
    result: dict[str, Any] = json.loads(SOURCE.read_text(encoding="utf-8"))
    language = result["interactionModel"]["languageModel"]
    language["invocationName"] = INVOCATION
    taken: dict[str, str] = {}
    for intent in language["intents"]:
        samples = []
        for sample in _samples(intent["name"]):
            # A sample belongs to one intent: Alexa refuses a model that has it in two.
            if taken.setdefault(sample, intent["name"]) == intent["name"]:
                samples.append(sample)
        intent["samples"] = samples
        for slot in intent.get("slots", []):
            if "samples" in slot:
                slot["samples"] = SLOT_SAMPLES[(intent["name"], slot["name"])]
    for slot_type in language["types"]:
        values = VALUES[slot_type["name"]]
        slot_type["values"] = [{"id": value_id,
                                "name": {"value": words[0], "synonyms": words[1:]}}
                               for value_id, words in values.items()]
    for prompt in result["interactionModel"]["prompts"]:
        prompt["variations"] = [{"type": "PlainText", "value": PROMPTS[prompt["id"]]}]
    return result


def models() -> dict[str, dict[str, Any]]:
    """Locale -> complete model, as ``interaction_models/build_models.py`` reads them."""
    return {LOCALE: model()}


def main(argv: list[str]) -> int:
    stale = False
    for locale, built in models().items():
        text = json.dumps(built, ensure_ascii=False, indent=2) + "\n"
        target = MODELS / f"{locale}.json"
        if "--check" in argv:
            stale |= not target.is_file() or target.read_text(encoding="utf-8") != text
        else:
            target.write_text(text, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
