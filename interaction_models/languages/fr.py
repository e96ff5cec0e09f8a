"""The French interaction models: fr-FR and fr-CA, from one French and Québec's own words.

Discovered by ``interaction_models/build_models.py`` (``python interaction_models/build_models.py``
writes them, ``--check`` fails on drift; ``python interaction_models/languages/fr.py`` writes
them too). Each model has the English model's intents, slots, slot types and value ids and its
dialog model; only the words are French, written as people in France and Québec talk to
Alexa (they say "tu" to it: "lance ma séance", "demande à détente pelvienne de..."), not
translated from the English samples.

The samples are composed: a phrase like ``(je veux|j'aimerais) faire {Exercise}`` stands for
every choice of its parenthesised alternatives (an empty one makes a part optional), so
the ways a French speaker opens, softens or ends a request multiply as they do in speech.
Words every French speaker uses are in ``SAMPLES``/``VALUES``; what Québec says and France
does not ("ayoye", "pantoute", "c'est beau", "icitte", "astheure", "bye", "tantôt",
"physio") is in ``QUEBEC_SAMPLES``/``QUEBEC_SYNONYMS``, and France's "kiné" in
``FRANCE_SYNONYMS``.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).resolve().parents[1] / "en-US.json"
LOCALES = ("fr-FR", "fr-CA")
INVOCATION = "détente pelvienne"

# Amazon's rules in French: what opens a skill or asks it something, and what an
# invocation name may not hold; the store description's health disclaimer.
RULES: Mapping[str, Sequence[str]] = {
    "launch_words": ("ouvre", "ouvrir", "lance", "lancer", "démarre", "démarrer", "demande",
                     "demander", "dis", "dire", "commence", "commencer", "joue", "jouer",
                     "active", "activer", "utilise", "utiliser", "parle", "parler", "charge",
                     "exécute", "mets", "reprends"),
    "connecting_words": ("à", "a", "au", "aux", "de", "d", "du", "des", "pour", "avec", "sur",
                         "par", "que", "qu", "si", "et", "en", "dans"),
    "wake_words": ("alexa", "amazon", "echo", "ordinateur", "computer", "skill", "app",
                   "application"),
    "open": ("Alexa, ouvre {invocation}", "Alexa, lance {invocation}"),
    "ask": ("Alexa, demande à {invocation} de {utterance}",
            "Alexa, demande à {invocation} d'{utterance}"),
    "disclaimer": ("ne remplace pas un avis médical professionnel",
                   "Arrêtez tout exercice qui provoque une douleur"),
    # Words that say nothing by themselves: a carrier of a consequential intent made only of
    # these and a slot would take anything said in that frame ("je suis {Symptom}").
    "frame_words": ("je", "j'ai", "j'", "me", "m'", "moi", "mon", "ma", "mes", "tu", "te",
                    "t'", "c'est", "ça", "cela", "ce", "il", "y", "a", "est", "suis", "un",
                    "une", "le", "la", "les", "l'", "du", "de", "des", "d'", "peu", "très",
                    "vraiment", "s'il", "plaît", "vous", "stp", "svp", "peux", "pourrais",
                    "veux", "voudrais", "j'aimerais", "sens", "ressens", "là", "alors", "bon",
                    "ok", "euh", "hé", "oh", "maintenant", "aussi", "bien", "tout", "toute",
                    "que", "qui", "et", "en", "à", "au", "un", "peu", "plus", "alexa",
                    "franchement", "merci", "pour", "avoir", "être", "sentir"),
}

_GROUP = re.compile(r"\(([^()]*)\)")


def expand(*patterns: str) -> list[str]:
    """Every sentence the patterns stand for: ``(a|b)`` is a choice, ``(a|)`` optional."""
    found: list[str] = []
    for pattern in patterns:
        parts = _GROUP.split(pattern)
        # parts alternate: literal, choices, literal, choices, ...
        choices = [[parts[i]] if i % 2 == 0 else parts[i].split("|")
                   for i in range(len(parts))]
        for combination in itertools.product(*choices):
            found.append(" ".join("".join(combination).split()))
    return list(dict.fromkeys(found))


def _unique_list(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))


# ------------------------------------------------------------------ how requests open/close

PLEASE = "( s'il te plaît| s'il vous plaît|)"
SOFT = "(|alors |bon |ok |bon ben |euh )"

SAMPLES: dict[str, list[str]] = {
    "AMAZON.NextIntent": expand(
        f"{SOFT}(suivant|au suivant|exercice suivant|l'exercice suivant|étirement suivant)"
        f"{PLEASE}",
        "(c'est bon|c'est fait|voilà|voilà c'est fait|ça y est|terminé|j'ai fini|j'ai terminé)"
        "( on continue| on passe à la suite| la suite|)",
        "(je suis|me voilà) (prêt|prête|en position|installé|installée|en place)",
        "(ok |d'accord |)(la suite|on passe à la suite|passe à la suite|passons à la suite"
        "|on enchaîne|enchaîne|on continue|continue|continuez|vas-y|allez-y|avance)",
        "(c'est bon |)(je suis sur le dos|je suis à genoux|je suis assis par terre"
        "|je suis assise par terre|je suis sur mon tapis de sol|je suis en place sur le tapis)",
        "(fini|finie|fait|c'est fini pour celui-là|celui-là est fait|j'ai fini celui-là)",
        "(j'ai mis|j'ai posé|je pose|je mets) (le genou|mon genou|les genoux|mes pieds|les pieds"
        "|les mains|mes mains) (au sol|par terre|sur le tapis|sur la couverture|sur le coussin)",
        "(mon genou est posé|le genou est posé|j'ai le genou au sol|genou au sol c'est bon"
        "|les pieds à plat c'est bon|je suis à quatre pattes|me voilà à quatre pattes)",
        "(on peut passer au suivant|on peut continuer|tu peux continuer|vous pouvez continuer"
        "|tu peux passer à la suite|on fait le suivant|au prochain|le prochain|prochain exercice"
        "|l'étape suivante|étape suivante|go)",
    ),
    "AMAZON.RepeatIntent": expand(
        f"(répète|répétez|redis|redites|tu peux répéter|vous pouvez répéter|peux-tu répéter"
        f"|tu peux redire)( ça| ce que tu as dit| la consigne| les consignes|){PLEASE}",
        "(pardon|comment|quoi|hein|pardon j'ai pas compris|j'ai pas entendu|je n'ai pas entendu"
        "|j'ai pas saisi|tu as dit quoi|qu'est-ce que tu as dit|encore une fois"
        "|une fois de plus|refais-le|on le refait|on refait celui-là|recommence celui-là"
        "|refais l'exercice|encore|redis-moi ça|excuse-moi|je n'ai pas compris la consigne)",
    ),
    "AMAZON.PauseIntent": expand(
        f"(mets|mettez|on met) (ça |la séance |)(en pause|sur pause){PLEASE}",
        "(on fait une petite pause|petite pause|une pause s'il te plaît|faisons une pause"
        "|j'ai besoin d'une pause|je fais une pause|pause deux minutes|une minute de pause"
        "|laisse-moi souffler|je souffle un peu|je veux me reposer|je me repose un peu"
        "|on souffle un peu|on s'arrête un instant|arrête-toi un instant|met pause)",
    ),
    "AMAZON.ResumeIntent": expand(
        f"(reprends|reprenez|on reprend|continue|continuez|on continue)"
        f" (ma séance|la séance|mes exercices|là où on en était|là où je m'étais arrêté"
        f"|là où je m'étais arrêtée|où on s'était arrêtés){PLEASE}",
        "(me voilà de retour|c'est bon je suis de retour|je suis de retour sur le tapis"
        "|je suis de retour on continue|de retour|me revoici"
        "|me voici|c'est bon me voici|je suis revenue|je suis revenu|rebonjour je suis là"
        "|c'est bon on peut reprendre|on peut reprendre|on reprend|reprenons|on y retourne"
        "|retour aux exercices|on se remet au travail|on s'y remet|c'est reparti"
        "|vas-y reprends|tu peux reprendre|reprise|reprendre)",
    ),
    "AMAZON.StartOverIntent": expand(
        "(recommence|recommencez|on recommence|reprends|reprenez|on reprend) (depuis le début"
        "|du début|tout depuis le début|la séance depuis le début|à zéro|tout)",
        "(recommencer|recommencer à zéro|tout recommencer|repartir de zéro|depuis le début"
        "|on repart du début|on repart de zéro)",
    ),
    "AMAZON.YesIntent": expand(
        f"(oui|ouais|oui oui|ok|okay|d'accord|bien sûr|évidemment|absolument|tout à fait"
        f"|exactement|volontiers|allez|c'est ça|c'est exact"
        f"|affirmatif|je veux bien|j'aimerais bien|avec plaisir|ça me va|ça marche"
        f"|pas de problème|bien entendu|effectivement|en effet|sûr|oui volontiers|oui allez)"
        f"{PLEASE}",
        "(oui |)(je suis d'accord|j'en ai|c'est le cas|ça me concerne|je veux|je le veux"
        "|c'est vrai|tout à fait ça|c'est bien ça|il me semble|je crois|je pense)",
        "oui (merci|je veux bien merci|c'est bon|d'accord|vas-y|on y va|bien sûr|tout à fait"
        "|carrément|avec plaisir|bonne idée|s'il te plaît oui|j'ai déjà consulté|pourquoi pas"
        "|un kiné m'a vu|un médecin m'a vu|mon médecin a dit que c'était bon)",
    ),
    "AMAZON.NoIntent": expand(
        f"(non|non non|nan|nope|non merci|non pas maintenant|pas maintenant|pas aujourd'hui"
        f"|pas cette fois|pas pour l'instant|pas encore|plus tard|une autre fois"
        f"|non plus tard|non une autre fois|surtout pas|absolument pas|certainement pas"
        f"|pas question|jamais|négatif|sûrement pas|aucun|aucunement|pas le moins du monde)"
        f"{PLEASE}",
        "non (je ne veux pas|j'ai pas envie|je n'en ai pas|je ne suis pas concernée"
        "|je ne suis pas concerné|ce n'est pas le cas|rien de tout ça|aucune de ces choses"
        "|je n'ai rien de ça|je n'ai rien|rien|pas du tout|ça va|ça va merci|je vais bien"
        "|je n'ai pas vu de médecin|pas encore vu de médecin|pas de rappel|c'est gentil)",
        "(je ne pense pas|je ne crois pas|pas que je sache|je n'ai rien de tout ça"
        "|rien de ça|aucun de ceux-là|ce n'est pas le cas|je ne veux pas|non ça ne me concerne pas"
        "|ça ne me concerne pas|je n'ai aucun de ces problèmes|pas de souci de ce côté-là)",
    ),
    "AMAZON.HelpIntent": expand(
        f"(aide-moi|aidez-moi|j'ai besoin d'aide|un peu d'aide|de l'aide|au secours){PLEASE}",
        "(qu'est-ce que je peux dire|qu'est-ce que je peux faire|qu'est-ce que je dois faire"
        "|qu'est-ce que je fais maintenant|je fais quoi|je dis quoi|je peux dire quoi"
        "|comment ça fonctionne|comment ça s'utilise|comment on s'en sert|comment je m'en sers"
        "|comment utiliser ce skill|à quoi tu sers|à quoi ça sert|tu fais quoi|tu peux faire quoi"
        "|quelles sont les options|quels sont mes choix|qu'est-ce qu'on peut faire"
        "|je ne sais pas quoi faire|je ne sais pas quoi dire|je ne comprends pas comment ça marche"
        "|explique-moi comment ça marche|je suis perdu|je suis perdue|je ne comprends rien"
        "|je suis un peu perdue|je suis complètement perdu|c'est quoi ce truc"
        "|comment fonctionne détente pelvienne|mode d'emploi|instructions|je ne sais pas"
        "|comment on fait pour commencer|comment on fait pour s'en servir|on fait comment"
        "|comment je fais|comment je fais pour commencer)",
    ),
    "AMAZON.StopIntent": expand(
        f"(arrête|arrêtez|stop|stoppe|arrête tout|arrête-toi|arrête la séance|arrête les exercices"
        f"|termine|termine la séance|fin|fin de la séance|ferme|ferme détente pelvienne"
        f"|quitte|quitter|sors|ferme le skill|quitte le skill|éteins-toi|c'est fini stop){PLEASE}",
        "(ok |bon |allez |)(au revoir|salut alexa|à plus tard|à la prochaine|bye|ciao|tchao|adieu"
        "|à plus alexa|à plus alors|a plus tard|à la revoyure|à plus les amis|ciao à plus)",
        "(allez|ok|bon|salut) à plus",
    ),
    "AMAZON.CancelIntent": expand(
        f"(annule|annulez|annule ça|annule tout|oublie ça|oublie|laisse|laisse ça|laisse-le"
        f"|tant pis|peu importe|non oublie|oublie ce que j'ai dit|annule ce que j'ai dit"
        f"|efface ce que j'ai dit|ignore ça|ignore ce que j'ai dit|c'est pas grave){PLEASE}",
    ),
    "AMAZON.NavigateHomeIntent": expand(
        "(menu|le menu|ouvre le menu|va au menu|retourne au menu|reviens au menu|menu principal"
        "|retour à l'accueil|va à l'accueil|l'accueil|écran d'accueil|page d'accueil"
        "|retour au début|reviens au début|montre-moi le menu)",
    ),
    "AMAZON.PreviousIntent": expand(
        "(recule|reculez|en arrière|retour en arrière|reviens à l'exercice d'avant"
        "|l'exercice précédent|exercice précédent|étape précédente|l'étape d'avant"
        "|celui d'avant|le précédent|revenir en arrière|on revient en arrière"
        "|reviens à l'étirement précédent|l'étirement d'avant|retour à l'étape précédente)",
    ),
    "StartRoutineIntent": expand(
        "(allez hop|allez go c'est parti|go go go|go on y va)",
        f"(lance|lancez|commence|commencez|démarre|démarrez|on commence|on lance|on démarre"
        f"|je veux commencer|je voudrais commencer|j'aimerais commencer|je veux faire"
        f"|je voudrais faire|on fait|allez on fait|faisons) (ma séance|la séance|la séance du jour"
        f"|ma séance du jour|ma séance d'aujourd'hui|mes exercices|les exercices|mes étirements"
        f"|ma routine|mon programme|mon entraînement|ma rééducation|mes exercices du périnée"
        f"|mes exercices de périnée){PLEASE}",
        "(c'est parti|on y va|allons-y|on commence|commençons|on s'y met|au travail"
        "|je suis prête pour ma séance|je suis prêt pour ma séance|c'est l'heure de ma séance"
        "|c'est l'heure de mes exercices|guide-moi dans ma séance|accompagne-moi dans ma séance"
        "|fais-moi faire ma séance|coache-moi|je veux m'entraîner|entraînons-nous"
        "|on fait nos exercices|on fait la séance|séance du jour|ma séance|commencer ma séance)",
    ),
    "TodaysRoutineIntent": expand(
        "(c'est quoi|qu'est-ce que c'est|qu'est-ce qu'il y a dans|qu'est-ce qu'on a dans"
        "|dis-moi|donne-moi|présente-moi|décris-moi|lis-moi|quel est le contenu de) (la séance"
        " du jour|la séance d'aujourd'hui|ma séance du jour|ma séance d'aujourd'hui|le programme"
        " du jour|le programme d'aujourd'hui|les exercices du jour|mes exercices du jour)",
        "(qu'est-ce qu'on fait|on fait quoi|je fais quoi|qu'est-ce que je fais|qu'est-ce qui est"
        " prévu|c'est quoi le programme|quel est le programme|quels exercices|quels étirements)"
        " (aujourd'hui|ce matin|ce soir|cet après-midi|au programme aujourd'hui)",
        "(c'est quoi le programme|qu'est-ce qui est prévu|qu'est-ce qu'il y a au programme"
        "|quels sont les exercices|il y a quoi au programme|qu'est-ce qui m'attend)",
    ),
    "GuideExerciseIntent": expand(
        f"(guide-moi dans|guide-moi pour|accompagne-moi dans|fais-moi faire|montre-moi"
        f"|apprends-moi|explique-moi comment faire|je veux faire|je voudrais faire|j'aimerais"
        f" faire|on fait|faisons|on peut faire|est-ce qu'on peut faire|je peux faire|lance"
        f"|commence|démarre|juste|seulement|uniquement|rien que) {{Exercise}}{PLEASE}",
        "(juste|seulement|uniquement) {Exercise} (aujourd'hui|ce matin|ce soir)",
        "(on essaie|essayons|on passe à|passons à|je veux essayer|je veux travailler) {Exercise}",
    ),
    "SkipIntent": expand(
        f"(passe|passez|saute|sautez|on saute|on passe|je passe|zappe|on zappe) (celui-là|cet"
        f" exercice|cet étirement|ça|celui-ci|cette étape|à l'autre){PLEASE}",
        "(je ne veux pas faire celui-là|pas celui-là|j'ai pas envie de faire celui-là"
        "|on peut sauter celui-là|je préfère sauter celui-là|laisse tomber celui-là"
        "|on oublie celui-là|saute|passe|sauter|passer)",
        f"(saute|passe|zappe|on saute|on passe|laisse de côté|on laisse de côté|pas de"
        f"|sans|je ne veux pas faire|je ne veux pas|on oublie|enlève) {{Exercise}}"
        f"( aujourd'hui| pour aujourd'hui| cette fois|){PLEASE}",
    ),
    "ReportPainIntent": expand(
        "(aïe|ouille|ouch|aïe aïe aïe|aïe ça fait mal|ouille ouille|ça fait mal|ça me fait mal"
        "|ça fait vraiment mal|ça fait très mal|ça fait un peu mal|ça fait mal quand je bouge"
        "|j'ai mal|j'ai très mal|j'ai un peu mal|j'ai vraiment mal|je me suis fait mal"
        "|je crois que je me suis fait mal|je me suis blessé|je me suis blessée|c'est douloureux"
        "|c'est très douloureux|ça me fait souffrir|je souffre|ça me lance|ça lance"
        "|j'ai eu une douleur|j'ai ressenti une douleur|j'ai une douleur|c'est pas normal ça fait"
        " mal|ça ne va pas ça fait mal|stop ça fait mal|arrête j'ai mal|ça fait encore mal"
        "|j'ai encore mal|ça me fait encore mal|je me suis fait un claquage"
        "|aïe aïe ça fait mal|ouille ouille ouille|aïe aïe aïe ça fait mal|ouch ça fait mal"
        "|ça brûle|ça me brûle)",
        "(j'ai mal|j'ai très mal|j'ai un peu mal|j'ai vraiment mal|je me suis fait mal"
        "|j'ai une douleur|j'ai des douleurs|j'ai une petite douleur|ça me fait mal|ça fait mal)"
        " {Symptom}",
        "{Symptom} (me fait mal|me fait très mal|me fait souffrir|me lance"
        "|est douloureux|est douloureuse|sont douloureux|me font mal|fait mal|coince)",
        "(douleur|une douleur|des douleurs|mal) {Symptom}",
        "(je me suis fait mal|je me suis blessé|je me suis blessée|je me suis froissé"
        "|je me suis tiré quelque chose) {Symptom}",
        "(je me sens|je suis|j'ai|je ressens|je sens|j'ai l'impression d'avoir|j'ai remarqué"
        "|je remarque|j'ai eu|ça me fait|ça me donne|je commence à avoir|tout à coup j'ai"
        "|d'un coup je me sens|je me sens tout à coup|depuis ce matin j'ai|depuis hier j'ai)"
        " {Sign}",
        "(je suis tout|je suis toute|je me sens très|je me sens tout|je me sens toute"
        "|j'ai soudain|je crois que j'ai|on dirait que j'ai) {Sign}",
        "(tout à coup je|d'un coup je|depuis tout à l'heure je|je crois que je"
        "|j'ai l'impression que je) {Sign}",
        "(ça|ça me) {Sign}( fort| beaucoup| trop fort| vraiment trop|)",
    ),
    "SafetyConditionIntent": expand(
        "(je suis enceinte|je crois que je suis enceinte|je pense être enceinte|j'attends un"
        " enfant|je suis enceinte de trois mois|oui je suis enceinte en ce moment"
        "|je viens d'accoucher|j'ai accouché récemment|j'ai accouché il y a peu|j'ai eu un bébé"
        " récemment|je viens d'avoir un bébé|j'ai eu mon bébé il y a quelques semaines"
        "|j'ai accouché il y a quelques mois|j'ai eu une césarienne récemment|on m'a fait une"
        " césarienne|j'ai été opérée|j'ai été opéré|j'ai été opérée récemment|j'ai été opéré"
        " récemment|j'ai eu une opération|j'ai subi une opération|je me suis fait opérer"
        "|on m'a posé une prothèse de hanche|j'ai eu une prothèse de hanche|je me suis fait"
        " opérer du dos|j'ai une hernie|j'ai une hernie inguinale|j'ai été opérée d'une hernie"
        "|j'ai un prolapsus|j'ai une descente d'organe|je sens une boule en bas|j'ai une boule"
        " au niveau du vagin|je sens une pesanteur en bas|j'ai une sensation de lourdeur en bas"
        "|oui j'ai accouché|oui j'ai été opérée|oui j'ai une hernie|en fait je suis enceinte"
        "|en fait j'ai accouché)",
    ),
    "ProgressSummaryIntent": expand(
        "(où j'en suis|j'en suis où|où est-ce que j'en suis dans ma progression|ma progression"
        "|ma progression s'il te plaît|quelle est ma progression|comment je progresse"
        "|comment ça avance|est-ce que je progresse|est-ce que je m'améliore|je m'en sors"
        " comment|comment je m'en sors|fais-moi un bilan|donne-moi mon bilan|mon bilan"
        "|un résumé de ma progression|résume ma progression|donne-moi mes statistiques"
        "|mes statistiques|mes stats|mon suivi|mon évolution|comment j'évolue|comment ça se"
        " passe pour moi|est-ce que j'avance|est-ce que je fais des progrès|mes progrès"
        "|parle-moi de mes progrès|raconte-moi mes progrès|je me débrouille comment)",
    ),
    "StreakIntent": expand(
        "(combien de jours d'affilée|combien de jours de suite|combien de jours consécutifs"
        "|depuis combien de jours) (j'ai pratiqué|j'ai fait mes exercices|je pratique"
        "|je fais mes exercices|je m'entraîne|sans interruption|)",
        "(ma série|ma série de jours|mes jours d'affilée|mon record de jours|mon record"
        "|quelle est ma série|c'est quoi ma série|est-ce que j'ai une série en cours"
        "|est-ce que j'ai gardé ma série|est-ce que j'ai raté un jour|j'ai raté des jours"
        "|est-ce que je suis régulier|est-ce que je suis régulière|ma régularité"
        "|combien de jours sans rater|est-ce que j'ai tenu tous les jours)",
    ),
    "SessionCountIntent": expand(
        "(combien de séances|combien de fois|combien d'entraînements|le nombre de séances)"
        " (j'ai fait|j'ai faites|j'ai pratiqué|ai-je fait|j'ai terminé|j'ai complété)"
        " ({Period}|)",
        "(combien de séances|le nombre de séances|combien d'entraînements) ({Period}|)",
        "(j'ai fait combien de séances|j'ai pratiqué combien de fois|j'ai fait combien de fois"
        " mes exercices|j'ai fait mes exercices combien de fois|compte mes séances"
        "|mon nombre de séances) ({Period}|)",
        "(séances|mes séances|les séances) {Period}",
    ),
    "MinutesPractisedIntent": expand(
        "(combien de minutes|combien de temps|combien de minutes de pratique) (j'ai pratiqué"
        "|j'ai fait|ai-je pratiqué|j'ai passé à pratiquer|j'ai fait d'exercices)"
        " ({Period}|)",
        "(combien de minutes|combien de minutes de pratique) ({Period}|)",
        "(j'ai pratiqué combien de temps|j'ai pratiqué combien de minutes|j'ai fait combien de"
        " minutes|mon temps de pratique|mes minutes de pratique|le temps total) ({Period}|)",
        "(minutes|mes minutes|temps de pratique) {Period}",
    ),
    "LastSessionIntent": expand(
        "(c'était quand|quand était|quand a eu lieu|c'était quoi|c'était comment) (ma dernière"
        " séance|la dernière séance|ma dernière pratique|la dernière fois)",
        "(quand est-ce que j'ai pratiqué pour la dernière fois|quand ai-je pratiqué pour la"
        " dernière fois|ma dernière séance|la dernière fois que j'ai pratiqué|j'ai pratiqué"
        " quand la dernière fois|quand est-ce que j'ai fait mes exercices la dernière fois"
        "|depuis quand je n'ai pas pratiqué|ça fait combien de temps que je n'ai pas pratiqué"
        "|qu'est-ce que j'ai fait la dernière fois|combien de temps a duré ma dernière séance)",
    ),
    "ProgramWeekIntent": expand(
        "(je suis à quelle semaine|j'en suis à quelle semaine|quelle semaine du programme"
        "|on est à quelle semaine|c'est quelle semaine|je suis à quelle semaine du programme"
        "|à quelle semaine j'en suis|où j'en suis dans le programme|j'en suis où dans le"
        " programme|à quel niveau je suis|je suis à quel niveau|quel est mon niveau"
        "|quelle semaine du programme je fais|c'est quelle semaine du programme"
        "|ma semaine de programme|combien de semaines dure le programme)",
    ),
    "WhereLeftOffIntent": expand(
        "(où est-ce que je m'étais arrêté|où est-ce que je m'étais arrêtée|je m'étais arrêté où"
        "|je m'étais arrêtée où|où on s'était arrêtés|où on en est|on en est où|on est rendu où"
        "|je suis rendue où|je suis à quelle étape|à quelle étape je suis|c'est quelle étape"
        "|quel exercice on fait|on fait quel exercice|où j'en étais|j'en étais où"
        "|on est à quel exercice|on en est à quel exercice|je suis rendu où dans la séance"
        "|j'en suis où dans la séance|on est où dans la séance|où on en est dans la séance)",
    ),
    "DeleteProgressIntent": expand(
        "(efface|supprime|effacez|supprimez|réinitialise|remets à zéro|oublie|détruis)"
        " (ma progression|toute ma progression|mes données|toutes mes données|mon historique"
        "|tout mon historique|mon profil|tout ce que tu sais sur moi|mes informations"
        "|mon compte|mes séances|mon suivi|tout ce qui me concerne)",
        "(je veux|je voudrais|j'aimerais) (effacer|supprimer) (ma progression|mes données"
        "|mon historique|mon profil|toutes mes données)",
    ),
    "FeelingGoodIntent": expand(
        "(bien|très bien|super|génial|parfait|impeccable|top|excellent|nickel chrome|au poil"
        "|pas mal|plutôt bien|assez bien|vraiment bien|trop bien|tip top|ça va|ça va bien"
        "|ça va très bien|ça allait|tout va bien|tout allait bien|aucun problème|sans problème"
        "|rien à signaler|très agréable|agréable|c'était agréable|c'était top|c'était super"
        "|c'était génial|c'était parfait|c'était très bien|c'était sympa|c'était doux"
        "|c'était relaxant|ça détend|ça m'a détendu|ça m'a détendue|ça fait du bien"
        "|ça m'a fait un bien fou|je me sens bien|je me sens mieux|je me sens super bien"
        "|je me sens détendu|je me sens léger|je me sens légère|je me sens plus souple"
        "|je suis détendu|je suis détendue|je suis bien|mieux|beaucoup mieux|un peu mieux"
        "|ça va mieux|ça ne fait plus mal|plus de douleur|pas de douleur|aucune douleur"
        "|ça ne fait pas mal|rien de spécial|normal|ça s'est bien passé|c'était bien"
        "|c'était correct|pas de souci)( merci|)",
    ),
    "WaitIntent": expand(
        f"(attends|attendez|attends un peu|attends une minute|attends une seconde|attends deux"
        f" minutes|attends un instant|attends un moment|une seconde|une minute|un instant"
        f"|un moment|deux secondes|deux minutes|une petite seconde|une petite minute"
        f"|un petit instant|juste une seconde|juste une minute|donne-moi une minute"
        f"|laisse-moi une minute|laisse-moi deux minutes|donne-moi un instant|patiente"
        f"|patiente un peu|minute|pas tout de suite|je ne suis pas encore prêt"
        f"|je ne suis pas encore prête|pas encore prêt|je ne suis pas prête|j'arrive"
        f"|j'arrive tout de suite|je me prépare|laisse-moi me préparer|laisse-moi m'installer"
        f"|je vais chercher ma couverture|je cherche mon tapis|je prends mon tapis"
        f"|je m'installe attends|laisse-moi le temps de m'installer|je suis en train de me préparer"
        f"|je suis en train de me mettre en place|pause pipi|il faut que je fasse pipi"
        f"|je dois faire pipi|je vais vite faire pipi|le bébé pleure attends|mon bébé se réveille"
        f"|le petit m'appelle|la petite pleure|les enfants m'appellent"
        f"|je me mets en position|je me mets en place|ne bouge pas|bouge pas"
        f"|on sonne à la porte attends|le téléphone sonne attends|il faut que j'aille aux"
        f" toilettes|je vais aux toilettes|attends je reviens|je reviens dans une minute"
        f"|je reviens vite|je reviens tout de suite attends){PLEASE}",
    ),
    "DoneForTodayIntent": expand(
        "(merci|merci bien|merci beaucoup|merci mille fois|merci infiniment|merci pour tout"
        "|je te remercie|grand merci|merci c'est tout|merci à demain|merci au revoir"
        "|merci bonne soirée|merci bonne journée|merci bonne nuit)",
        "(c'est tout|c'est tout pour aujourd'hui|ça suffit|ça suffit pour aujourd'hui|ça ira"
        "|ça ira pour aujourd'hui|c'est assez|j'ai fini pour aujourd'hui|j'ai terminé pour"
        " aujourd'hui|on s'arrête là|on arrête là pour aujourd'hui|on en reste là|j'en ai assez"
        "|j'en ai marre|je suis fatigué on arrête|je suis fatiguée on arrête|ce sera tout"
        "|c'est fini pour aujourd'hui|fini pour aujourd'hui|terminé pour aujourd'hui|stop pour"
        " aujourd'hui|je m'arrête là|je m'arrête ici|on va s'arrêter là|je vais arrêter là"
        "|bonne nuit|bonne soirée|bonne journée|à demain|à demain merci|on se voit demain"
        "|je dois filer|je dois y aller maintenant|il faut que j'y aille|faut que je parte"
        "|je dois m'en aller|je dois partir maintenant|merci c'était super|merci c'était génial"
        "|merci c'était parfait)",
    ),
    "HowLongIntent": expand(
        "(ça dure combien de temps|combien de temps ça dure|combien de temps ça prend|ça prend"
        " combien de temps|la séance dure combien de temps|combien de temps dure la séance"
        "|combien de minutes dure la séance|il reste combien de temps|combien de temps il reste"
        "|il reste combien|il en reste combien|il reste combien d'exercices|combien d'exercices"
        " il reste|combien d'étirements il reste|il reste beaucoup|c'est encore long"
        "|c'est bientôt fini|on a bientôt fini|on a presque terminé|on a fini|c'est fini"
        "|c'est le dernier|c'est le dernier exercice|il y en a encore combien|qu'est-ce qui"
        " reste|qu'est-ce qui vient ensuite|qu'est-ce qu'il reste|quelle est la suite"
        "|c'est quoi le prochain|c'est quoi l'exercice suivant|c'est quoi après"
        "|et après|et ensuite|on fait quoi après|combien de temps encore)",
    ),
    "ExplainExerciseIntent": expand(
        "(c'est quoi exactement|c'est quoi au juste|explique-moi|explique|décris-moi|décris"
        "|dis-moi ce que"
        " c'est|à quoi sert|ça sert à quoi|comment on fait|comment faire|comment je fais"
        "|comment se fait|en quoi consiste|parle-moi de|c'est comment|pourquoi faire"
        "|comment bien faire) {Exercise}",
    ),
    "OnTrackIntent": expand(
        "(est-ce que je suis dans les temps|je suis dans les temps|est-ce que je suis en retard"
        "|je suis en retard|est-ce que je suis en avance|j'en fais assez|est-ce que j'en fais"
        " assez|quand est-ce que je passe à la semaine suivante|quand je passe au niveau"
        " suivant|combien de jours avant la semaine suivante|il me faut combien de jours pour"
        " passer à la suite|quand est-ce que je monte de niveau|quand est-ce que je change de"
        " semaine|je suis prêt pour la semaine suivante|je suis prête pour la semaine suivante"
        "|combien de jours il me reste cette semaine|est-ce que je suis à jour|je suis à jour"
        "|est-ce que je suis le rythme|je suis bien le programme|est-ce que je suis sur la"
        " bonne voie)",
    ),
    "ChangeSettingIntent": expand(
        f"(tu peux aller|vous pouvez aller|peux-tu aller|va|allez|vas|on peut aller|je veux"
        f" aller|je préfère aller|tu vas|tu parles) {{Change}}{PLEASE}",
        f"(mets|passe en|passe à|je préfère|on passe à"
        f"|règle sur|change pour|active|désactive) {{Change}}( à partir de maintenant"
        f"| dorénavant| désormais|){PLEASE}",
        f"{{Change}}( à partir de maintenant| dorénavant| désormais| pour la suite"
        f"| la prochaine fois| aujourd'hui){PLEASE}",

        "(tu vas|ça va|je trouve ça|je trouve que c'est) (un peu|beaucoup|bien"
        "|vraiment) {Change}",
        "(pourrais-tu|est-ce que tu peux|réglage) {Change}",
        "(le rythme est|la cadence est|ton rythme est|le tempo est) {Change}",
        "(je trouve que c'est|j'ai l'impression que c'est) {Change}",
        "{Change} (c'est mieux|je préfère|ça m'aiderait|ce serait mieux|ça me conviendrait)",
    ),
    "SettingsStatusIntent": expand(
        "(quels sont mes réglages|c'est quoi mes paramètres|quels sont mes paramètres|mes"
        " réglages|mes paramètres|dis-moi mes réglages|lis-moi mes réglages|quels réglages"
        " j'ai|comment c'est réglé|c'est réglé comment|quel est mon rythme|c'est quoi mon"
        " rythme|à quelle vitesse tu vas|combien de temps je tiens|combien de répétitions je"
        " fais|les sons sont activés|est-ce que les sons sont activés|quels sont les réglages"
        "|qu'est-ce que j'ai réglé|ma configuration)",
    ),
    "ResetSettingsIntent": expand(
        "(réinitialise|remets|rétablis|restaure|reviens aux|retour aux|remettre)"
        " (mes réglages|les réglages|mes paramètres|les paramètres|les réglages par défaut"
        "|les réglages d'origine|les réglages standard|les paramètres par défaut)",
        "(réglages par défaut|paramètres par défaut|réglages d'origine|remets tout comme avant"
        "|remets tout par défaut|annule mes réglages|oublie mes réglages|efface mes réglages"
        "|comme au début|remets comme avant)",
    ),
    "ShortRoutineIntent": expand(
        "(j'ai|je n'ai que|j'ai seulement|j'ai juste|je n'ai pas plus de|j'ai à peine"
        "|j'ai environ|j'ai à peu près) {Minutes} minutes( aujourd'hui| devant moi| ce matin|)",
        "(une séance de|une routine de|fais-moi une séance de|donne-moi une séance de|juste"
        "|seulement|en|on fait|on peut faire) {Minutes} minutes",
        "(une séance courte|une séance rapide|une petite séance|une version courte|fais court"
        "|quelque chose de rapide|une séance express|je suis pressé|je suis pressée"
        "|je n'ai pas beaucoup de temps|je n'ai pas le temps|j'ai peu de temps|je suis à la"
        " bourre|je suis en retard aujourd'hui|j'ai pas beaucoup de temps|vite fait"
        "|une mini séance)",
    ),
    "JustStretchesIntent": expand(
        "(juste|seulement|uniquement|rien que|que) (les étirements|des étirements|les étirements"
        " aujourd'hui|étirements)",
        "(je veux juste m'étirer|je veux seulement m'étirer|on fait juste les étirements"
        "|on fait que les étirements|pas de kegel aujourd'hui juste les étirements"
        "|sans les kegel|étirements seulement|étirements uniquement|je veux juste étirer"
        "|juste m'étirer|on s'étire seulement)",
    ),
    "MakeEasierIntent": expand(
        "(c'est trop dur|c'est trop difficile|c'est trop fort"
        "|c'est dur|c'est difficile|trop dur|trop difficile|plus facile"
        "|rends-le plus facile|rends ça plus facile|plus facile s'il vous plaît|une version"
        " plus facile|une version plus douce|on peut faire plus facile|baisse le niveau"
        "|descends d'une semaine|reviens à la semaine d'avant|recule d'une semaine|plus léger"
        "|allège la séance|je n'y arrive pas|j'ai du mal"
        "|je trouve ça dur|je trouve ça trop dur|c'est au-dessus de mes forces|ménage-moi"
        "|une séance plus douce|moins difficile|moins intense)",
    ),
    "SetReminderIntent": expand(
        "(rappelle-moi|rappelez-moi|fais-moi penser|fais-moi un rappel|préviens-moi)"
        " (tous les jours|chaque jour|de pratiquer|de faire mes exercices|de faire ma séance"
        "|de m'entraîner)( à {Time}|)",
        "(rappelle-moi|préviens-moi|fais-moi penser à pratiquer) (à {Time}|chaque {Time}"
        "|tous les jours à {Time}|chaque jour à {Time}|le {Time})",
        "(mets|mets-moi|programme|crée|je veux|je voudrais|j'aimerais) (un rappel|un rappel"
        " quotidien|un rappel tous les jours|un rappel chaque jour)( à {Time}| pour {Time}|)",
        "(un rappel|rappel quotidien|rappel) (à {Time}|tous les jours à {Time}|chaque {Time})",
        "(tous les jours|chaque jour) à {Time}",
    ),
    "ChangeReminderIntent": expand(
        "(change|modifie|déplace|décale|mets|passe|reprogramme) (mon rappel|le rappel"
        "|mon rappel quotidien|l'heure de mon rappel|l'heure du rappel)( à {Time}"
        "| pour {Time}|)",
        "(déplace|décale|mets|fais sonner) (mon rappel|le rappel) {Shift}",
        "(déplace|décale|mets|fais sonner) (mon rappel|le rappel) ({By} {Shift}|{Shift} de {By})",
        "{Shift} (mon rappel|le rappel|mon rappel quotidien)( de {By}| {By}|)",
        "(je veux|je voudrais|j'aimerais) (mon rappel|le rappel) ({Shift}|{By} {Shift}"
        "|à {Time})",
        "(rappelle-moi plutôt|rappelle-moi) (à {Time} à la place|{By} {Shift}|{Shift})",
        "(change|modifie) l'heure (de mon rappel|du rappel)",
    ),
    "ReminderStatusIntent": expand(
        "(c'est quoi mon rappel|quel est mon rappel|c'est quand mon rappel|à quelle heure est"
        " mon rappel|mon rappel est à quelle heure|est-ce que j'ai un rappel|ai-je un rappel"
        "|j'ai un rappel de prévu|est-ce que mon rappel est activé|mon rappel est activé"
        "|quand est-ce que tu me rappelles|à quelle heure tu me rappelles|vérifie mon rappel"
        "|dis-moi mon rappel|quel rappel j'ai|à quelle heure sonne mon rappel|il sonne quand"
        " mon rappel|mon rappel quotidien|est-ce qu'un rappel est programmé)",
    ),
    "CancelReminderIntent": expand(
        "(annule|supprime|efface|désactive|arrête|retire|enlève|coupe) (mon rappel|le rappel"
        "|mon rappel quotidien|les rappels|mes rappels|le rappel quotidien)",
        "(ne me rappelle plus|arrête de me rappeler|plus de rappel|plus de rappels|je ne veux"
        " plus de rappel|je ne veux plus de rappels|je n'ai plus besoin du rappel|pas de rappel"
        " merci|plus besoin de rappel|stop les rappels|arrête les rappels)",
    ),
}

# "Alexa, demande à détente pelvienne de lancer ma séance": a request asked of the skill by
# name comes as an infinitive, so every request one would make that way has its own.
INFINITIVES: dict[str, list[str]] = {
    "StartRoutineIntent": expand(
        "(commencer|lancer|démarrer|faire) (ma séance|la séance|la séance du jour|mes exercices"
        "|mes étirements|ma rééducation|mon programme|mon entraînement)",
        "(me faire faire|me guider dans|m'accompagner dans) (ma séance|mes exercices)"),
    "AMAZON.ResumeIntent": expand(
        "(reprendre|continuer) (ma séance|là où je m'étais arrêtée|là où je m'étais arrêté"
        "|mes exercices|où on en était)"),
    "TodaysRoutineIntent": expand(
        "me (dire|donner|présenter|lire) (la séance du jour|le programme du jour"
        "|les exercices du jour|ce qu'on fait aujourd'hui)"),
    "GuideExerciseIntent": expand(
        "(me guider dans|me faire faire|m'apprendre|me montrer|faire) {Exercise}"),
    "ExplainExerciseIntent": expand("m'expliquer {Exercise}"),
    "ProgressSummaryIntent": expand(
        "(me dire où j'en suis|faire le point|me faire un bilan|me donner mon bilan"
        "|me dire comment je progresse|me donner ma progression)"),
    "StreakIntent": expand("me dire (ma série|combien de jours d'affilée j'ai fait)"),
    "ProgramWeekIntent": expand("me dire à quelle semaine je suis"),
    "DeleteProgressIntent": expand(
        "(effacer|supprimer|réinitialiser) (ma progression|mes données|mon historique"
        "|toutes mes données|mon profil)"),
    "SetReminderIntent": expand(
        "me rappeler (de pratiquer |de faire mes exercices |)(tous les jours|chaque jour)"
        "( à {Time}|)",
        "(mettre|programmer|créer) un rappel (quotidien|tous les jours|chaque jour)( à {Time}|)"),
    "ChangeReminderIntent": expand(
        "(changer|modifier|déplacer|décaler) (mon rappel|l'heure de mon rappel)( à {Time}|)"),
    "ReminderStatusIntent": expand("me dire (à quelle heure est mon rappel|mon rappel)"),
    "CancelReminderIntent": expand("(annuler|supprimer|désactiver) (mon rappel|le rappel"
                                   "|mon rappel quotidien)"),
    "ShortRoutineIntent": expand("faire une (séance|routine) de {Minutes} minutes"),
    "JustStretchesIntent": expand("faire (juste|seulement) les étirements"),
    "AMAZON.HelpIntent": expand("m'aider", "m'expliquer comment ça marche"),
    "SettingsStatusIntent": expand("me dire mes réglages"),
}
for _intent, _said in INFINITIVES.items():
    SAMPLES[_intent] = _unique_list([*SAMPLES[_intent], *_said])

# Other requests, and everyday words that are neither pain, nor a deletion, nor a reminder:
# the skill's fallback answers them with what it does.
SAMPLES["AMAZON.FallbackIntent"] = expand(
    "(mets|lance|règle|programme|démarre) (un minuteur|une minuterie|le minuteur|un compte à"
    " rebours) (de cinq minutes|de trois minutes|de quinze minutes|de trente minutes|pour les"
    " pâtes|pour le four|pour le gâteau)",
    "minuteur (trois|quinze|trente|quarante) minutes",
    "(annule|supprime|arrête|éteins|coupe) (l'alarme|mon réveil|le réveil|le minuteur"
    "|la minuterie|mes alarmes|l'alarme de demain)",
    "(quel jour on est|c'est quel jour aujourd'hui|on est le combien|quelle date on est"
    "|on est le combien aujourd'hui|c'est quoi la date d'aujourd'hui)",
    "(où en est|où est|suis|le suivi de) (ma commande|ma livraison|mon colis amazon|mon paquet)",
    "(rappelle-moi|fais-moi penser) (d'appeler le médecin|de sortir le chien|d'acheter du pain"
    "|de rappeler ma sœur|de sortir la poubelle|d'aller à la pharmacie|de payer le loyer)"
    " (ce soir|demain|ce matin|cet après-midi|demain soir|à midi)",
    "rappelle-moi de prendre (mes médicaments|mes cachets|ma pilule|mon traitement) (à sept"
    " heures|à neuf heures|ce soir|demain matin|après le repas)",
    "(réveille-moi|réveille-moi demain|tu peux me réveiller) (à sept heures|à huit heures"
    "|à cinq heures et demie|tôt|demain matin)",
    "(bonjour|bonsoir) (alexa|à toi|tout le monde)",
    "(salut tout le monde|coucou toi|coucou tout le monde)",
    "(bon ben voilà|bon bah|bah voilà|ben voilà|bon alors|bon bon bon)",
    "j'ai (vraiment|super|tellement|pas mal|très peu) (mal dormi|dormi)",
    "j'ai mal dormi (hier soir|la nuit dernière)",
    "j'ai un petit (rhume|coup de fatigue|coup de barre|souci avec ma voiture)",
    "(j'ai une petite faim|j'ai un creux|j'ai le ventre vide|j'ai envie de grignoter"
    "|j'ai envie d'un petit quelque chose|j'ai un petit rhume de rien du tout)",
    "je suis un peu (pressé|en retard|occupée|occupé|débordée|fatigué|dans la lune)",
    "je suis (au salon|dehors|occupée|au téléphone|dans la chambre|au bureau|en bas) là",
    "(j'ai faim|j'ai sommeil|j'ai la flemme|il fait beau) là",
    "(tu es|t'es) (trop gentille|sympa|drôle|intelligente|la meilleure|trop forte|marrante)",
    "je retourne (au salon|travailler|au bureau|me coucher|dans ma chambre|à mes affaires)",
    "(mets|lance|règle|programme) (un minuteur|une minuterie|un minuteur de cinq minutes"
    "|une alarme|une alarme à sept heures|un réveil|la musique|de la musique|la radio"
    "|les infos|ma playlist|une chanson|du jazz|un podcast|la télé|netflix)",
    "(rappelle-moi|fais-moi penser) (d'appeler le médecin|d'acheter du pain|d'appeler ma mère"
    "|de sortir les poubelles|de prendre mes médicaments|de prendre mes cachets|mon rendez-vous"
    "|l'anniversaire de ma sœur|de payer les factures|d'arroser les plantes|d'aller chercher"
    " les enfants|de prendre ma pilule|mon rendez-vous chez le dentiste)",
    "(ajoute|mets) (du lait|des pommes|du café|des œufs) (à ma liste|sur ma liste de courses"
    "|sur ma liste d'épicerie)",
    "(quel temps fait-il|quel temps il fait|il va pleuvoir|est-ce qu'il pleut|la météo"
    "|la météo de demain|quelle heure il est|on est quel jour|quelle est la date"
    "|c'est quoi la date|raconte-moi une blague|dis-moi une blague|chante une chanson"
    "|raconte une histoire|les résultats du foot|qui a gagné le match|c'est quoi les nouvelles"
    "|combien font trois fois quatre|c'est loin la lune|une recette de gâteau|appelle ma fille"
    "|appelle papa|envoie un message|allume la lumière|éteins la lumière|ferme les volets"
    "|monte le chauffage|baisse le son|monte le volume|moins fort|plus fort|coupe le son"
    "|parle plus fort s'il te plaît|parle un peu plus fort|parlez plus fort alexa"
    "|efface mon historique vocal|supprime mes enregistrements alexa|efface mes commandes vocales"
    "|supprime l'historique de mes enregistrements|commande des croquettes|où est mon colis"
    "|suis ma commande|qu'est-ce que j'ai dans mon"
    " agenda|ajoute un rendez-vous|prends une note|trouve un médecin|trouve une pharmacie"
    "|appelle les urgences|appelle un taxi|réserve une table|quelle est la capitale de"
    " l'italie|traduis bonjour en anglais|parle anglais|change de langue|change la voix"
    "|change le mot d'activation|supprime mon alarme|supprime le message|supprime mes"
    " enregistrements|efface la liste|supprime la photo)",
    "(bonjour|bonsoir|salut|coucou|hello|allô|comment ça va|tu vas bien|comment tu"
    " t'appelles|qui es-tu|t'es qui|tu es un robot|je t'aime|merci alexa|t'es drôle|t'es"
    " sympa|lol|mdr|oups|zut|mince|oh là là|bof|hum|euh|bah|ben|eh bien|voyons|tiens"
    "|laisse-moi réfléchir|bla bla|test test|un deux un deux)",
    "(je suis|je me sens) (fatigué|fatiguée|crevé|crevée|épuisé|épuisée|énervé|énervée|stressé"
    "|stressée|de mauvaise humeur|triste|content|contente|heureux|heureuse|nerveux|nerveuse"
    "|déprimé|déprimée|à la maison|dans le salon|dans la chambre|dans la cuisine|dehors"
    "|au travail|au bureau|dans la voiture|dans le train|dans le bus|sur le canapé|au lit"
    "|en haut|en bas de l'escalier|en train de cuisiner|en train de manger|au téléphone"
    "|à la retraite|infirmière|en vacances|en retard pour le travail)",
    "(j'ai|j'ai un peu|j'ai très) (froid|chaud|faim|soif|sommeil|la flemme)",
    "j'ai (vraiment|tellement) (faim|sommeil|froid|chaud|la flemme)",
    "(je suis|je me sens) (vraiment|très|complètement|super) (fatigué|crevée|lessivé|vidée"
    "|à plat|de bonne humeur|en forme|occupée|en retard)",
    "(j'ai|j'ai attrapé) (un rhume|la grippe|le nez qui coule|une réunion|un rendez-vous"
    "|de la visite|une question|des invités|mal dormi|pas assez dormi|oublié mes lunettes)",
    "(il fait|aujourd'hui il fait|dehors il fait) (froid|chaud|beau|gris|moche|du vent|nuit"
    "|soleil|frais)",
    "(il pleut|il neige|il pleut des cordes|quel beau temps|sale temps|c'est l'heure du repas"
    "|c'est l'heure du dîner|c'est l'heure du goûter|qu'est-ce qu'on mange|j'ai envie d'un"
    " café|je vais me faire un thé|je fais la cuisine|je regarde la télé|je lis un livre"
    "|je suis sur mon téléphone|je range la maison|je fais le ménage|les enfants dorment"
    "|mon mari dort|ma femme dort|le chat est sur le tapis|le chien aboie|mon dos de cuillère"
    "|le dos du livre|le genou du pantalon|le cou de la bouteille|une hanche de jambon"
    "|mon sac à dos|un dos d'âne|au dos de la feuille|mon coussin est par terre"
    "|j'ai fait du sport hier|je suis allée courir|je fais du yoga le mardi|mon kiné est en"
    " vacances|j'ai vu mon médecin hier|j'ai rendez-vous chez le kiné|j'ai bien dormi)",
)

QUEBEC_SAMPLES: dict[str, list[str]] = {
    "AMAZON.NextIntent": expand("(c'est beau|c'est beau la suite|envoye|envoye la suite"
                                "|next|c'est faite|j'ai fini ça)"),
    "AMAZON.YesIntent": expand("(ouin|oui monsieur|certain|c'est sûr|ben oui|mets-en"
                               "|c'est correct pour moi|ben pourquoi pas|en plein ça|tiguidou"
                               "|c'est correct oui|ok d'abord)"),
    "AMAZON.NoIntent": expand("(non pantoute|pas pantoute|ben pantoute|pantoute merci"
                              "|pas astheure|ben non|non c'est correct|pas tout de suite là"
                              "|non merci ça va aller)"),
    "AMAZON.StopIntent": expand("(bye|bye bye|bye là|à tantôt|à la revoyure|ferme ça)"),
    "AMAZON.PauseIntent": expand("(mets ça sur pause|pause là|une pause s'il vous plaît là)"),
    "AMAZON.WaitIntent": [],
    "WaitIntent": expand("(attends une minute là|minute là|deux minutes là|attends un peu là"
                         "|je reviens tantôt|bouge pas de là)"),
    "DoneForTodayIntent": expand("(c'est beau merci|c'est beau merci bonne soirée|merci bien"
                                 " bonne soirée là|c'est toute|ça va faire"
                                 "|ça va faire pour aujourd'hui|c'est toute pour aujourd'hui)"),
    "ReportPainIntent": expand("(ayoye|ayoye ça fait mal|ça fait mal en maudit|j'ai mal en"
                               " masse|ça fait mal pas à peu près|ayoye {Symptom})"),
    "FeelingGoodIntent": expand("(correct|c'était correct|c'était ben correct|pas pire"
                                "|pas pire pantoute|écoeurant|malade|débile|ça allait bien)"),
    "AMAZON.FallbackIntent": expand(
        "(je suis brûlé|je suis brûlée|je suis fatigué raide|mon chum arrive|ma blonde"
        " m'appelle|c'est l'heure du souper|c'est l'heure du dîner|je suis dans le char"
        "|il fait frette|il fait frette dehors|mets de la musique québécoise|mets rouge fm"
        "|appelle mon chum|le souper est prêt|je magasine|je suis au dépanneur"
        "|je suis icitte|je suis tanné|je suis tannée|c'est plate)"),
    "ChangeSettingIntent": expand("(c'est) (pas mal|en masse) {Change}"),
}
QUEBEC_SAMPLES.pop("AMAZON.WaitIntent")

SLOT_SAMPLES: dict[tuple[str, str], list[str]] = {
    ("ShortRoutineIntent", "Minutes"): expand(
        "{Minutes}", "{Minutes} minutes", "(à peu près|environ|peut-être|disons|juste"
        "|seulement|pas plus de|une) {Minutes}( minutes|)", "{Minutes} (minutes |)(à peu près"
        "|environ|maximum|pas plus|aujourd'hui)", "j'ai {Minutes}( minutes|)",
        "(je dirais|mettons) {Minutes}( minutes|)"),
    ("SetReminderIntent", "Time"): expand(
        "{Time}", "(à|vers|pour|disons|mettons|plutôt) {Time}", "(tous les jours|chaque jour)"
        " à {Time}", "{Time} (tous les jours|chaque jour|ça m'irait|c'est bien|ce serait"
        " bien|s'il te plaît)", "(le|chaque) {Time}", "(je dirais|je préfère) {Time}"),
}

# ------------------------------------------------------------------ slot values

VALUES: dict[str, dict[str, list[str]]] = {
    "ExerciseName": {
        "reverse_kegel": ["kegel inversés", "kegel inversé", "les kegel inversés",
                          "le kegel inversé", "kegels inversés", "les kegels inversés", "kegel",
                          "les kegel", "kegels", "exercices de kegel inversés",
                          "relâchement du périnée", "le relâchement du périnée",
                          "relâchements", "les relâchements", "relâchement périnéal",
                          "périnée", "le périnée", "exercices du périnée",
                          "les exercices du périnée", "plancher pelvien", "le plancher pelvien",
                          "détente du périnée", "relaxation du périnée", "respiration périnée",
                          "un kegel inversé"],
        "pigeon": ["pigeon", "le pigeon", "posture du pigeon", "la posture du pigeon",
                   "étirement du pigeon", "l'étirement du pigeon", "demi pigeon",
                   "le demi pigeon", "pigeon à quatre pattes", "le pigeon à quatre pattes"],
        "butterfly": ["papillon", "le papillon", "posture du papillon", "la posture du papillon",
                      "étirement du papillon", "l'étirement du papillon", "étirement en papillon",
                      "l'étirement en papillon", "papillon assis", "le papillon assis",
                      "posture du cordonnier", "la posture du cordonnier"],
        "seated_hip": ["étirement assis des hanches", "l'étirement assis des hanches",
                       "étirement assis", "l'étirement assis", "étirement des hanches assis",
                       "l'étirement des hanches assis", "flexion avant assise",
                       "la flexion avant assise", "penché en avant assis",
                       "étirement des hanches", "l'étirement des hanches", "ouverture des hanches",
                       "l'ouverture des hanches"],
        "bridge": ["pont", "le pont", "petit pont", "le petit pont", "pont fessier",
                   "le pont fessier", "posture du pont", "la posture du pont", "pont du bassin",
                   "le pont du bassin", "relevé de bassin", "le relevé de bassin",
                   "montée du bassin", "la montée du bassin"],
        "kneeling_hip_flexor": ["étirement du psoas à genou", "l'étirement du psoas à genou",
                                "étirement du psoas", "l'étirement du psoas", "psoas",
                                "le psoas", "fente basse", "la fente basse", "fente",
                                "la fente", "fente à genou", "la fente à genou",
                                "étirement des fléchisseurs de hanche",
                                "l'étirement des fléchisseurs de hanche",
                                "fléchisseurs de hanche", "les fléchisseurs de hanche",
                                "étirement à genou", "l'étirement à genou",
                                "étirement de l'avant de la hanche"],
        "pigeon_easier": ["pigeon allongé", "le pigeon allongé", "pigeon couché",
                          "le pigeon couché", "pigeon sur le dos", "le pigeon sur le dos",
                          "pigeon facile", "le pigeon facile", "pigeon plus facile",
                          "le pigeon plus facile", "posture du chiffre quatre",
                          "la posture du chiffre quatre", "chiffre quatre", "le chiffre quatre"],
    },
    "TimePeriod": {
        "today": ["aujourd'hui", "ce jour", "pour aujourd'hui", "aujourd'hui jusqu'ici",
                  "depuis ce matin"],
        "week": ["cette semaine", "depuis lundi", "cette semaine jusqu'ici",
                 "les sept derniers jours", "sur la semaine", "pendant la semaine",
                 "dans la semaine"],
        "month": ["ce mois-ci", "ce mois", "depuis le début du mois", "les trente derniers jours",
                  "sur le mois", "dans le mois"],
        "all": ["en tout", "au total", "depuis le début", "depuis que j'ai commencé",
                "en tout et pour tout", "jusqu'ici", "depuis toujours", "au total depuis le"
                " début", "globalement"],
        "yesterday": ["hier", "la veille", "hier soir", "hier matin"],
        "last_week": ["la semaine dernière", "la semaine passée", "la semaine d'avant",
                      "la semaine précédente"],
        "last_month": ["le mois dernier", "le mois passé", "le mois d'avant",
                       "le mois précédent"],
    },
    "Symptom": {
        "knee": ["genou", "au genou", "le genou", "mon genou", "genoux", "aux genoux",
                 "les genoux", "mes genoux", "au genou droit", "au genou gauche",
                 "mon genou droit", "mon genou gauche", "rotule", "à la rotule", "ma rotule"],
        "back": ["dos", "au dos", "le dos", "mon dos", "bas du dos", "au bas du dos",
                 "le bas du dos", "dans le bas du dos", "lombaires", "aux lombaires",
                 "les lombaires", "mes lombaires", "colonne", "à la colonne", "ma colonne",
                 "reins", "aux reins", "les reins", "mes reins", "haut du dos",
                 "dans le dos", "entre les omoplates"],
        "hip": ["hanche", "à la hanche", "la hanche", "ma hanche", "hanches", "aux hanches",
                "les hanches", "mes hanches", "fesse", "à la fesse", "ma fesse", "fesses",
                "aux fesses", "mes fesses", "fessier", "au fessier", "mon fessier",
                "à la hanche droite", "à la hanche gauche", "ma hanche droite",
                "ma hanche gauche"],
        "groin": ["aine", "à l'aine", "l'aine", "mon aine", "aines", "aux aines",
                  "intérieur de la cuisse", "à l'intérieur de la cuisse",
                  "l'intérieur de la cuisse", "adducteurs", "aux adducteurs", "mes adducteurs",
                  "pli de l'aine", "au pli de l'aine", "dans l'aine"],
        "neck": ["cou", "au cou", "le cou", "mon cou", "nuque", "à la nuque", "la nuque",
                 "ma nuque", "épaule", "à l'épaule", "mon épaule", "épaules", "aux épaules",
                 "mes épaules", "aux cervicales", "les cervicales", "mes cervicales"],
        "pelvic": ["bassin", "au bassin", "le bassin", "mon bassin", "au périnée",
                   "mon périnée", "pelvis", "au pelvis", "bas-ventre", "au bas-ventre",
                   "le bas-ventre", "mon bas-ventre", "bas du ventre", "au bas du ventre",
                   "au coccyx", "mon coccyx", "coccyx", "à la vessie", "ma vessie",
                   "au vagin", "à l'anus", "parties intimes", "aux parties intimes",
                   "mes parties intimes", "en bas", "là en bas", "zone pelvienne",
                   "à la zone pelvienne", "au pubis"],
        "sex": ["rapports", "pendant les rapports", "les rapports", "rapports sexuels",
                "pendant les rapports sexuels", "pendant l'amour", "en faisant l'amour",
                "pendant la pénétration", "à la pénétration", "pendant le sexe"],
        "chest": ["poitrine", "à la poitrine", "la poitrine", "ma poitrine",
                  "dans la poitrine", "cœur", "au cœur", "le cœur", "thorax", "au thorax",
                  "au sternum"],
    },
    "SymptomSign": {
        "dizzy": ["étourdi", "étourdie", "des étourdissements", "un étourdissement",
                  "la tête qui tourne", "des vertiges", "un vertige", "vertigineux",
                  "pas stable", "pas stable sur mes jambes", "la tête légère",
                  "tout qui tourne", "que tout tourne"],
        "faint": ["vais m'évanouir", "vais tourner de l'œil", "vais faire un malaise",
                  "vais tomber dans les vapes", "faible", "sur le point de m'évanouir",
                  "que je vais m'évanouir",
                  "que je vais tomber dans les pommes", "prête à m'évanouir",
                  "prêt à m'évanouir", "un malaise", "un malaise vagal", "dans les vapes",
                  "que je vais perdre connaissance", "évanoui", "évanouie",
                  "que je vais tourner de l'œil"],
        "numbness": ["ne sens plus rien entre les jambes", "ne sens plus mon entrejambe",
                     "ne sens plus mon périnée", "engourdi", "engourdie", "un engourdissement",
                     "des engourdissements",
                     "des fourmis", "des fourmillements", "des fourmis entre les jambes",
                     "des picotements en bas", "plus de sensibilité en bas",
                     "insensible en bas", "une perte de sensibilité",
                     "plus aucune sensation en bas", "engourdi entre les jambes",
                     "des fourmillements dans l'entrejambe"],
        "blood": ["saigne", "saigne un peu", "saigne en bas", "perds du sang",
                  "des saignements", "un saignement", "du sang", "du sang dans les urines",
                  "du sang dans mes urines", "des pertes de sang", "des traces de sang",
                  "des saignements inhabituels", "qui saigne"],
        "leaking": ["des fuites", "une fuite", "des fuites urinaires", "une fuite urinaire",
                    "une petite fuite", "quelques gouttes", "des pertes urinaires",
                    "des fuites d'urine", "fait pipi un peu", "une petite fuite d'urine",
                    "des petites fuites"],
        "control": ["incontinent", "incontinente", "perdu le contrôle de ma vessie",
                    "perdu le contrôle de mes intestins", "plus de contrôle de ma vessie",
                    "fait pipi sur moi", "fait dans ma culotte",
                    "plus aucun contrôle en bas", "une incontinence soudaine"],
        "emptying": ["n'arrive plus à uriner", "n'arrive pas à faire pipi",
                     "n'arrive pas à vider ma vessie", "ne peux pas uriner", "du mal à uriner",
                     "du mal à faire pipi", "du mal à vider ma vessie",
                     "du mal à aller à la selle", "des difficultés à uriner",
                     "impossible d'uriner", "pas pu uriner", "pas pu faire pipi",
                     "du mal à vider mes intestins", "la vessie bloquée"],
        "fever": ["fais de la fièvre", "fais de la température", "de la fièvre", "fiévreux",
                  "fiévreuse", "de la température",
                  "des frissons", "de la fièvre et des frissons", "une forte fièvre"],
        "cramp": ["une crampe", "des crampes", "crampe", "une crampe au mollet",
                  "une crampe à la cuisse", "un spasme", "des spasmes", "une contracture",
                  "une crampe au pied"],
        "tight": ["tire", "pince", "tire fort", "pince fort", "tire énormément", "tiraille",
                  "tend trop", "tendu", "tendue", "raide", "des tensions", "une tension",
                  "ça qui tire",
                  "ça qui pince", "un pincement", "des tiraillements", "un tiraillement",
                  "crispé", "crispée", "noué", "nouée", "trop tendu", "trop raide"],
        "chest": ["une douleur à la poitrine", "une douleur dans la poitrine",
                  "la poitrine serrée", "une oppression dans la poitrine",
                  "un poids sur la poitrine", "mal à la poitrine", "une douleur thoracique"],
        "pelvic": ["une douleur pelvienne", "des douleurs pelviennes", "mal au bassin",
                   "une brûlure en bas", "des brûlures en bas", "mal en bas",
                   "une douleur au périnée", "mal au périnée"],
        "sex": ["mal pendant les rapports", "des douleurs pendant les rapports",
                "des rapports douloureux", "une douleur pendant l'amour"],
        "pain": ["mal partout", "une gêne", "de l'inconfort", "des courbatures",
                 "une douleur vive", "une douleur aiguë", "une douleur générale",
                 "des douleurs partout", "pas à l'aise"],
    },
    "SettingChange": {
        "slower": ["plus lentement", "moins vite", "plus doucement", "plus lent",
                   "ralentis", "ralentir", "ralentis un peu", "trop vite", "beaucoup trop vite",
                   "un peu trop vite", "trop rapide", "plus de temps", "plus de temps entre"
                   " les mouvements", "moins rapide", "un rythme plus lent", "doucement",
                   "lentement", "pas si vite", "tu me presses", "tu vas trop vite",
                   "trop pressé", "on me presse", "tu me bouscules",
                   "tu me stresses à aller si vite", "ne me presse pas", "arrête de me presser"],
        "faster": ["plus vite", "plus rapidement", "moins lentement", "plus rapide",
                   "accélère", "accélérer", "accélère un peu", "trop lent", "trop lentement",
                   "beaucoup trop lent", "un peu trop lent", "un rythme plus rapide",
                   "plus dynamique", "dépêche-toi", "ça traîne", "tu traînes",
                   "trop lent pour moi", "bien trop lent"],
        "longer_holds": ["tenir plus longtemps", "des maintiens plus longs",
                         "des temps plus longs", "maintiens plus longs", "plus long",
                         "plus longtemps", "tenir plus", "des étirements plus longs",
                         "trop court", "trop courts", "garder plus longtemps",
                         "des tenues plus longues"],
        "shorter_holds": ["tenir moins longtemps", "des maintiens plus courts",
                          "des temps plus courts", "maintiens plus courts", "plus court",
                          "moins longtemps", "tenir moins", "des étirements plus courts",
                          "trop long", "trop longs", "garder moins longtemps",
                          "des tenues plus courtes"],
        "more_reps": ["plus de répétitions", "davantage de répétitions", "plus de relâchements",
                      "plus de kegel", "des répétitions en plus", "quelques répétitions de"
                      " plus", "pas assez de répétitions", "trop peu de répétitions",
                      "plus de séries", "en faire plus", "rajoute des répétitions"],
        "fewer_reps": ["moins de répétitions", "moins de relâchements", "moins de kegel",
                       "trop de répétitions", "beaucoup trop de répétitions",
                       "quelques répétitions de moins", "moins de séries", "en faire moins",
                       "pas autant de répétitions", "trop de relâchements"],
        "less_talking": ["moins de paroles", "parle moins", "parler moins", "moins d'explications",
                         "des consignes courtes", "des consignes plus courtes",
                         "version courte", "la version courte", "moins de détails",
                         "tu parles trop", "trop de paroles", "trop d'explications",
                         "moins de bavardage", "arrête d'expliquer", "juste les consignes",
                         "moins bavard", "moins bavarde", "trop bavard", "trop bavarde",
                         "plus court dans les explications", "l'essentiel seulement"],
        "more_talking": ["plus d'explications", "plus de détails", "explique plus",
                         "expliquer plus", "des consignes complètes", "les explications"
                         " complètes", "version complète", "la version complète",
                         "explique davantage", "plus de paroles", "en détail",
                         "plus de conseils", "toutes les explications"],
        "auto_off": ["attends que je dise suivant", "ne passe pas tout seul",
                     "ne passe pas toute seule", "n'enchaîne pas tout seul",
                     "attends-moi avant de passer", "mode manuel", "avance manuelle",
                     "arrête de passer tout seul", "arrête d'enchaîner toute seule",
                     "pas d'enchaînement automatique", "attends mon signal"],
        "auto_on": ["passe tout seul", "passe toute seule", "enchaîne tout seul",
                    "enchaîne toute seule", "avance automatique", "mode automatique",
                    "passe automatiquement", "enchaîne automatiquement",
                    "n'attends pas que je dise suivant", "continue sans m'attendre"],
        "tones_on": ["les sons", "avec des sons", "active les sons", "les bips",
                     "avec des bips", "les carillons", "avec des carillons", "un son à chaque"
                     " relâchement", "des sons à la place des mots", "sons activés",
                     "le carillon", "des signaux sonores", "les signaux sonores"],
        "tones_off": ["sans les sons", "sans sons", "désactive les sons", "sans bips",
                      "sans les bips", "sans carillon", "coupe les sons", "enlève les sons",
                      "sons désactivés", "des mots à la place des sons", "plus de sons",
                      "arrête les bips", "pas de sons"],
    },
    "ReminderShift": {
        "later": ["plus tard", "un peu plus tard", "en retard", "plus tard dans la journée",
                  "après", "recule", "repousse", "retarde", "décale à plus tard"],
        "earlier": ["plus tôt", "un peu plus tôt", "en avance", "plus tôt dans la journée",
                    "avant", "avance", "décale à plus tôt"],
    },
}

QUEBEC_SYNONYMS: dict[str, dict[str, list[str]]] = {
    "SettingChange": {"slower": ["ça va vite en maudit", "trop vite en masse"],
                      "less_talking": ["moins de placotage", "tu placotes trop"]},
    "Symptom": {"back": ["dans le bas du dos là"], "pelvic": ["dans le bas du ventre"]},
}
FRANCE_SYNONYMS: dict[str, dict[str, list[str]]] = {
    "SettingChange": {"less_talking": ["moins de blabla", "trop de blabla"]},
}
REGIONAL_SYNONYMS = {"fr-FR": FRANCE_SYNONYMS, "fr-CA": QUEBEC_SYNONYMS}
REGIONAL_SAMPLES = {"fr-FR": {}, "fr-CA": QUEBEC_SAMPLES}

PROMPTS = {"Elicit.Slot.ShortRoutineIntent.Minutes": "Combien de minutes avez-vous ?",
           "Elicit.Slot.SetReminderIntent.Time": "À quelle heure, chaque jour ?"}


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(w.split()) for w in words))


def model(locale: str) -> dict[str, Any]:
    english = json.loads(SOURCE.read_text(encoding="utf-8"))
    result: dict[str, Any] = copy.deepcopy(english)
    lm = result["interactionModel"]["languageModel"]
    lm["invocationName"] = INVOCATION
    regional: Mapping[str, list[str]] = REGIONAL_SAMPLES.get(locale, {})
    for intent in lm["intents"]:
        name = intent["name"]
        intent["samples"] = _unique([*SAMPLES[name], *regional.get(name, [])])
        for slot in intent.get("slots", []):
            if "samples" in slot:
                slot["samples"] = SLOT_SAMPLES[name, slot["name"]]
    synonyms = REGIONAL_SYNONYMS.get(locale, {})
    for slot_type in lm["types"]:
        values = VALUES[slot_type["name"]]
        extra = synonyms.get(slot_type["name"], {})
        slot_type["values"] = [
            {"id": value_id, "name": {"value": words[0],
                                      "synonyms": _unique([*words[1:], *extra.get(value_id, [])])}}
            for value_id, words in values.items()]
    for prompt in result["interactionModel"]["prompts"]:
        prompt["variations"] = [{"type": "PlainText", "value": PROMPTS[prompt["id"]]}]
    return result


def models() -> dict[str, dict[str, Any]]:
    return {locale: model(locale) for locale in LOCALES}


def main() -> int:
    """Write fr-FR.json and fr-CA.json beside en-US.json (as build_models.py does)."""
    for locale, built in models().items():
        path = SOURCE.parent / f"{locale}.json"
        path.write_text(json.dumps(built, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
