"""The Spanish interaction models: es-US, es-MX and es-ES, from one Spanish and its regional words.

Discovered by ``interaction_models/build_models.py`` (``python interaction_models/build_models.py``
writes them, ``--check`` fails on drift). Each model has the English model's intents, slots,
slot types and value ids and its dialog model; only the words are Spanish, written as
Spanish speakers say them, not translated from the English samples. Words every Spanish
speaker uses are in ``SAMPLES``/``VALUES``; what one country says and another does not
(Mexico's "ahorita", "órale", "tantito"; Spain's "vale", "venga", "tumbada", "suelo
pélvico") is in ``REGIONAL_SAMPLES``/``REGIONAL_SYNONYMS``. The US Spanish of Alexa's es-US
users is mostly Mexican and Central American, so es-US takes Mexico's words too.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).resolve().parents[1] / "en-US.json"
LOCALES = ("es-US", "es-MX", "es-ES")
INVOCATION = "relajación pélvica"
# A language under way writes into drafts/ (checked, not shipped).
DRAFT = True

# Amazon's rules in Spanish: what opens a skill or asks it something, and what an
# invocation name may not hold; the store description's health disclaimer.
RULES: Mapping[str, Sequence[str]] = {
    "launch_words": ("abre", "abrir", "pide", "pídele", "pregunta", "pregúntale", "inicia",
                     "iniciar", "empieza", "lanza", "juega", "usa", "activa", "dile", "habla",
                     "carga", "ejecuta", "comienza", "pon"),
    "connecting_words": ("a", "con", "para", "sobre", "por", "que", "y", "si", "usando"),
    "wake_words": ("alexa", "amazon", "echo", "computadora", "ordenador", "skill", "app",
                   "aplicación"),
    "open": ("Alexa, abre {invocation}",),
    "ask": ("Alexa, pide a {invocation} {utterance}", "Alexa, pregunta a {invocation} {utterance}"),
    "disclaimer": ("no sustituye el consejo médico profesional",
                   "Deja cualquier ejercicio que te cause dolor"),
}

SAMPLES: dict[str, list[str]] = {
    "AMAZON.NextIntent": ["listo", "lista", "ya", "ya estoy", "siguiente paso", "el siguiente",
                          "vamos con el siguiente", "sigamos", "adelante", "continúa", "ya terminé",
                          "ya acabé", "pásale", "dale", "ándale", "ahora sí", "estoy lista",
                          "estoy listo", "sigue", "lo que sigue"],
    "AMAZON.RepeatIntent": ["repítelo", "otra vez", "de nuevo", "dilo otra vez", "repite eso",
                            "no te escuché", "cómo dijiste", "repite el ejercicio",
                            "hazlo otra vez", "una vez más"],
    "AMAZON.PauseIntent": ["pausa mi rutina", "haz una pausa", "un descanso",
                           "quiero descansar", "déjalo en pausa", "pausa por ahora"],
    "AMAZON.ResumeIntent": ["sigue donde me quedé", "continúa mi rutina", "retoma mi rutina",
                            "seguir con la rutina", "continúa donde lo dejé", "quiero continuar",
                            "retomar"],
    "AMAZON.StartOverIntent": ["empieza de nuevo", "desde el principio", "vuelve a empezar",
                               "empieza otra vez desde el inicio", "reinicia la rutina"],
    "AMAZON.YesIntent": ["sí por favor", "claro", "claro que sí", "por supuesto", "sí claro",
                         "va", "órale", "está bien", "de acuerdo", "sale", "perfecto", "sí quiero",
                         "sí vamos", "me parece bien", "por favor"],
    "AMAZON.NoIntent": ["no gracias", "nop", "para nada", "ahorita no", "ahora no", "no quiero",
                        "todavía no", "mejor no", "no por ahora", "no hace falta"],
    "AMAZON.HelpIntent": ["qué puedo decir", "qué puedo hacer", "cómo funciona esto",
                          "no sé qué hacer", "ayúdame", "necesito ayuda", "qué opciones tengo",
                          "cómo se usa"],
    "AMAZON.StopIntent": ["para por favor", "detente", "basta", "ya no", "para ya", "alto",
                          "apágate", "termina"],
    "AMAZON.CancelIntent": ["cancela eso", "olvídalo", "déjalo", "no importa", "cancélalo"],
    "AMAZON.FallbackIntent": ["pon un temporizador", "qué tiempo hace", "pon música",
                              "cuéntame un chiste", "qué hora es", "llama a mi mamá",
                              "apaga las luces", "cuál es la capital de francia",
                              "pon las noticias", "compra leche"],
    "AMAZON.NavigateHomeIntent": ["menú", "el menú", "menú principal", "al inicio",
                                  "vuelve al inicio"],
    "AMAZON.PreviousIntent": ["atrás", "vuelve atrás", "el anterior", "regresa",
                              "regresa al anterior", "el paso anterior"],
    "StartRoutineIntent": ["empieza mi rutina", "comienza mi rutina", "quiero hacer mi rutina",
                           "vamos a hacer los ejercicios", "empecemos", "la sesión de hoy",
                           "inicia la sesión de hoy", "hagamos la rutina", "quiero practicar",
                           "mi rutina de hoy por favor", "vamos a ejercitarnos",
                           "empieza la rutina"],
    "TodaysRoutineIntent": ["cuál es la rutina de hoy", "qué toca hoy", "qué me toca hoy",
                            "qué hay hoy", "dime la rutina de hoy", "qué ejercicios hago hoy",
                            "en qué consiste la rutina de hoy"],
    "GuideExerciseIntent": ["guíame en el {Exercise}", "guíame con {Exercise}", "solo {Exercise}",
                            "quiero hacer el {Exercise}", "hagamos {Exercise}",
                            "quiero hacer {Exercise}", "vamos con el {Exercise}",
                            "enséñame a hacer {Exercise}", "hacer {Exercise}"],
    "SkipIntent": ["salta", "sáltalo", "salta este", "sáltate este", "no quiero hacer este",
                   "pasa al otro", "salta el {Exercise}", "sáltate {Exercise}",
                   "hoy sin {Exercise}", "deja fuera el {Exercise}"],
    "ReportPainIntent": ["me duele", "eso duele", "esto me duele", "tengo dolor", "me lastimé",
                         "me duele la {Symptom}", "me duele el {Symptom}",
                         "tengo dolor en la {Symptom}",
                         "tengo dolor en el {Symptom}", "siento dolor en la {Symptom}",
                         "me molesta la {Symptom}", "me siento {Sign}", "estoy {Sign}",
                         "tengo {Sign}", "noto {Sign}", "siento {Sign}", "me está doliendo"],
    "SafetyConditionIntent": ["estoy embarazada", "creo que estoy embarazada",
                              "estoy esperando un bebé", "acabo de tener un bebé",
                              "tuve un bebé hace poco", "di a luz hace poco",
                              "di a luz hace unas semanas", "tuve a mi bebé el mes pasado",
                              "me operaron", "me operaron hace poco", "tuve una cirugía",
                              "me pusieron una prótesis de cadera", "tuve una cesárea",
                              "me hicieron una cesárea", "tengo una hernia",
                              "me operaron de una hernia", "tengo un bulto ahí abajo",
                              "siento un bulto ahí abajo", "tengo un prolapso",
                              "siento pesadez ahí abajo"],
    "ProgressSummaryIntent": ["cómo voy", "cómo me va", "cuál es mi progreso",
                              "dime mi progreso", "cómo voy con los ejercicios", "mi progreso",
                              "qué tal voy"],
    "StreakIntent": ["cuál es mi racha", "cuántos días seguidos llevo", "mi racha",
                     "cuántos días llevo sin fallar", "cuánto dura mi racha"],
    "SessionCountIntent": ["cuántas sesiones {Period}", "cuántas sesiones llevo {Period}",
                           "cuántas veces practiqué {Period}", "cuántas sesiones hice {Period}",
                           "cuántas sesiones llevo", "cuántas veces he practicado"],
    "MinutesPractisedIntent": ["cuántos minutos practiqué {Period}",
                               "cuánto tiempo practiqué {Period}", "cuántos minutos llevo {Period}",
                               "cuánto tiempo llevo practicando", "cuántos minutos llevo"],
    "LastSessionIntent": ["cuándo practiqué por última vez", "cuándo fue mi última sesión",
                          "cuál fue mi última sesión", "cuándo hice los ejercicios por última vez"],
    "ProgramWeekIntent": ["en qué semana del programa voy", "en qué semana voy",
                          "qué semana es esta", "en qué semana estoy"],
    "WhereLeftOffIntent": ["dónde me quedé", "dónde lo dejé", "en qué paso me quedé",
                           "hasta dónde llegué"],
    "DeleteProgressIntent": ["borra mi progreso", "elimina mis datos", "borra mis datos",
                             "reinicia mi progreso", "borra todo mi historial"],
    "FeelingGoodIntent": ["bien", "muy bien", "súper bien", "genial", "me sentí bien",
                          "todo bien", "de maravilla", "perfectamente", "me siento bien",
                          "mejor", "relajada", "relajado", "a gusto"],
    "WaitIntent": ["espera", "espérame", "un momento", "dame un minuto", "aguanta",
                   "un segundito", "espera tantito", "dame chance"],
    "DoneForTodayIntent": ["gracias", "muchas gracias", "por hoy es todo", "ya es suficiente",
                           "ya terminé por hoy", "eso es todo", "hasta aquí por hoy"],
    "HowLongIntent": ["cuánto dura la rutina de hoy", "cuánto tiempo toma", "cuánto falta",
                      "cuánto dura", "cuánto tiempo me queda", "cuánto me falta"],
    "ExplainExerciseIntent": ["qué es un {Exercise}", "qué es el {Exercise}", "qué son {Exercise}",
                              "explícame el {Exercise}", "cómo se hace el {Exercise}",
                              "en qué consiste el {Exercise}"],
    "OnTrackIntent": ["voy bien", "voy al día", "cuántos días faltan para la siguiente semana",
                      "cuándo paso a la siguiente semana", "me falta mucho para subir de semana"],
    "ChangeSettingIntent": ["{Change} a partir de ahora", "de ahora en adelante {Change}",
                            "ponlo {Change}", "quiero {Change}", "puedes ir {Change}",
                            "prefiero {Change}", "{Change} por favor"],
    "SettingsStatusIntent": ["cuáles son mis ajustes", "qué ajustes tengo", "dime mis ajustes",
                             "cómo está configurado"],
    "ResetSettingsIntent": ["restablece mis ajustes", "vuelve a los ajustes normales",
                            "ajustes predeterminados", "quita mis cambios"],
    "ShortRoutineIntent": ["solo tengo {Minutes} minutos", "tengo {Minutes} minutos",
                           "nada más tengo {Minutes} minutos", "una rutina de {Minutes} minutos",
                           "no tengo mucho tiempo", "una rutina corta", "tengo poco tiempo"],
    "JustStretchesIntent": ["solo los estiramientos", "nada más los estiramientos",
                            "solo estiramientos", "quiero estirar nada más"],
    "MakeEasierIntent": ["hazlo más fácil", "esto es muy difícil", "está muy difícil",
                         "más suave", "no puedo con esto", "es demasiado"],
    "SetReminderIntent": ["recuérdamelo todos los días a las {Time}",
                          "recuérdame todos los días a las {Time}", "recuérdame todos los días",
                          "pon un recordatorio diario", "quiero un recordatorio diario",
                          "ponme un recordatorio a las {Time}", "avísame cada día a las {Time}",
                          "recuérdame a la {Time}"],
    "ChangeReminderIntent": ["cambia mi recordatorio a las {Time}", "cambia mi recordatorio",
                             "mueve mi recordatorio a las {Time}", "mueve mi recordatorio {Shift}",
                             "pon mi recordatorio {By} {Shift}", "recuérdamelo {By} {Shift}",
                             "cambia la hora del recordatorio"],
    "ReminderStatusIntent": ["cuál es mi recordatorio", "a qué hora es mi recordatorio",
                             "tengo algún recordatorio", "cuándo suena mi recordatorio"],
    "CancelReminderIntent": ["cancela mi recordatorio", "quita el recordatorio",
                             "borra mi recordatorio", "ya no quiero el recordatorio"],
}

VALUES: dict[str, dict[str, list[str]]] = {
    "ExerciseName": {
        "reverse_kegel": ["kegels inversos", "kegel inverso", "los kegels", "kegels",
                          "relajación del piso pélvico", "relajación del suelo pélvico"],
        "pigeon": ["estiramiento de paloma", "paloma", "postura de la paloma"],
        "butterfly": ["estiramiento de mariposa", "mariposa", "postura de la mariposa"],
        "seated_hip": ["estiramiento de cadera sentado", "cadera sentado",
                       "estiramiento sentado"],
        "bridge": ["puente", "el puente", "puente de glúteos"],
        "kneeling_hip_flexor": ["estiramiento del flexor de cadera de rodillas",
                                "flexor de cadera", "psoas", "estiramiento de psoas"],
        "pigeon_easier": ["estiramiento de paloma boca arriba", "paloma boca arriba",
                          "paloma acostada", "paloma tumbada"],
    },
    "TimePeriod": {"today": ["hoy"], "week": ["esta semana", "en la semana"],
                   "month": ["este mes", "en el mes"], "all": ["en total", "desde el principio",
                                                               "en todo este tiempo"],
                   "yesterday": ["ayer"], "last_week": ["la semana pasada"],
                   "last_month": ["el mes pasado"]},
    "Symptom": {"knee": ["rodilla", "rodillas"], "back": ["espalda", "espalda baja", "lumbar"],
                "hip": ["cadera", "caderas"], "groin": ["ingle", "entrepierna"],
                "neck": ["cuello", "nuca"], "pelvic": ["pelvis", "zona pélvica", "vientre bajo"],
                "sex": ["relaciones sexuales", "zona íntima durante el sexo"],
                "chest": ["pecho"]},
    "SymptomSign": {"dizzy": ["mareada", "mareado", "mareo"],
                    "faint": ["desmayo", "que me desmayo", "débil"],
                    "numbness": ["entumecimiento", "adormecimiento", "hormigueo en la ingle"],
                    "blood": ["sangrado", "sangre"],
                    "leaking": ["pérdidas de orina", "un poco de pérdida", "escapes de orina"],
                    "control": ["incontinencia", "que no controlo la vejiga"],
                    "emptying": ["dificultad para orinar", "no puedo orinar",
                                 "me cuesta hacer pipí"],
                    "fever": ["fiebre", "calentura"], "cramp": ["un calambre", "calambre"],
                    "tight": ["tensión", "rigidez", "tirantez"],
                    "chest": ["dolor en el pecho", "opresión en el pecho"],
                    "pelvic": ["dolor pélvico"], "sex": ["dolor durante el sexo"],
                    "pain": ["dolor en general", "molestias"]},
    "SettingChange": {"slower": ["más despacio", "más lento", "con más calma"],
                      "faster": ["más rápido", "más deprisa"],
                      "longer_holds": ["sostener más tiempo", "mantener más tiempo"],
                      "shorter_holds": ["sostener menos tiempo", "mantener menos tiempo"],
                      "more_reps": ["más repeticiones"], "fewer_reps": ["menos repeticiones"],
                      "less_talking": ["habla menos", "menos explicaciones"],
                      "more_talking": ["más explicaciones", "explicado completo"],
                      "auto_off": ["no pases solo al siguiente", "espera a que diga siguiente"],
                      "auto_on": ["pasa solo al siguiente"],
                      "tones_on": ["con tonos", "con sonidos"],
                      "tones_off": ["sin tonos", "sin sonidos"]},
    "ReminderShift": {"later": ["más tarde", "después"], "earlier": ["más temprano", "antes"]},
}

PROMPTS = {"Elicit.Slot.ShortRoutineIntent.Minutes": "¿Cuántos minutos tienes?",
           "Elicit.Slot.SetReminderIntent.Time": "¿A qué hora cada día?"}



# What the dialog model hears while it asks for the minutes or the reminder's time.
SLOT_SAMPLES: dict[tuple[str, str], list[str]] = {
    ("ShortRoutineIntent", "Minutes"): [
        "{Minutes}", "{Minutes} minutos", "unos {Minutes} minutos", "como {Minutes} minutos",
        "{Minutes} por favor", "solo {Minutes}", "nada más {Minutes}", "tengo {Minutes}",
        "{Minutes} minutitos", "más o menos {Minutes} minutos"],
    ("SetReminderIntent", "Time"): [
        "{Time}", "a las {Time}", "a la {Time}", "{Time} por favor", "todos los días a las {Time}",
        "cada día a las {Time}", "por la {Time}", "en la {Time}", "a eso de las {Time}",
        "sobre las {Time}", "como a las {Time}", "ponlo a las {Time}"],
}

REGIONAL_SAMPLES: dict[str, dict[str, list[str]]] = {
    "es-MX": {},
    "es-ES": {},
}
REGIONAL_SAMPLES["es-US"] = REGIONAL_SAMPLES["es-MX"]
REGIONAL_SYNONYMS: dict[str, dict[str, dict[str, list[str]]]] = {
    "es-MX": {},
    "es-ES": {},
}
REGIONAL_SYNONYMS["es-US"] = REGIONAL_SYNONYMS["es-MX"]


def _unique(words: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(w.split()) for w in words))


def model(locale: str) -> dict[str, Any]:
    english = json.loads(SOURCE.read_text(encoding="utf-8"))
    result: dict[str, Any] = copy.deepcopy(english)
    lm = result["interactionModel"]["languageModel"]
    lm["invocationName"] = INVOCATION
    regional = REGIONAL_SAMPLES.get(locale, {})
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
