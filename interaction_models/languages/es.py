"""The Spanish interaction models: es-US, es-MX and es-ES, from one Spanish and its regional words.

Discovered by ``interaction_models/build_models.py`` (``python interaction_models/build_models.py``
writes them, ``--check`` fails on drift). Each model has the English model's intents, slots,
slot types and value ids and its dialog model; only the words are Spanish, written as
Spanish speakers say them, not translated from the English samples. Words every Spanish
speaker uses are in ``SAMPLES``/``VALUES``; what one country says and another does not
(Mexico's "ahorita", "órale", "tantito", "pompas"; Spain's "vale", "venga", "tumbada",
"suelo pélvico", "hacer pis") is in ``REGIONAL_SAMPLES``/``REGIONAL_SYNONYMS``. The US
Spanish of Alexa's es-US users is mostly Mexican and Central American, so es-US takes
Mexico's words, and both say "piso pélvico" where Spain says "suelo pélvico".

The register is tú, as the coach's phrases are: Alexa itself says tú in Spanish, and so do
fitness and pelvic-floor classes. A sample is what a person says to the coach, in either
gender ("lista"/"listo", "mareada"/"mareado"). Many carriers are composed from a few parts
(``_combine``): a verb form, what it acts on, a courtesy; every composition is a sentence a
person would say, and a sample that would land in two intents is refused (``_check``).
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).resolve().parents[1] / "en-US.json"
LOCALES = ("es-US", "es-MX", "es-ES")
INVOCATION = "relajación pélvica"
# A language under way writes into drafts/ (checked, not shipped).
DRAFT = False

# Amazon's rules in Spanish: what opens a skill or asks it something, and what an
# invocation name may not hold; the store description's health disclaimer; the words that
# say nothing by themselves in a carrier ("estoy {Sign}" says no more than its slot).
RULES: Mapping[str, Sequence[str]] = {
    "launch_words": ("abre", "abrir", "pide", "pídele", "pregunta", "pregúntale", "inicia",
                     "iniciar", "empieza", "lanza", "juega", "usa", "activa", "dile", "habla",
                     "carga", "ejecuta", "comienza", "pon"),
    "connecting_words": ("a", "con", "para", "sobre", "por", "que", "y", "si", "usando"),
    "wake_words": ("alexa", "amazon", "echo", "computadora", "ordenador", "skill", "app",
                   "aplicación"),
    "open": ("Alexa, abre {invocation}",),
    "ask": ("Alexa, pide a {invocation} que {utterance}", "Alexa, pide a {invocation} {utterance}",
            "Alexa, pregunta a {invocation} {utterance}"),
    "disclaimer": ("No sustituye el consejo médico profesional",
                   "Deja cualquier ejercicio que te cause dolor"),
    "frame_words": ("yo", "me", "mi", "mis", "te", "es", "está", "estoy", "eso", "esto", "esta",
                    "este", "un", "una", "el", "la", "lo", "los", "las", "poco", "poquito",
                    "por", "favor", "puedes", "podrías", "quiero", "quisiera", "tengo", "tiene",
                    "hay", "siento", "noto", "ya", "ahora", "muy", "algo", "que", "de", "a",
                    "en", "y", "así", "como", "bien", "estar", "sentir", "tener"),
}


def _combine(*parts: Iterable[str]) -> list[str]:
    """Every sentence made of one choice from each part, in order ("" leaves a part out)."""
    return [" ".join(" ".join(words).split()) for words in itertools.product(*parts)]


# ------------------------------------------------------------------------ built-in intents

_READY = ["listo", "lista", "ya", "ya está", "ya estoy", "ya estoy lista", "ya estoy listo",
          "estoy lista", "estoy listo", "ahora sí", "hecho", "terminado", "terminé", "ya terminé",
          "acabé", "ya acabé", "ya lo hice", "lo hice", "ya lo terminé", "ya la hice",
          "listo ya", "listo ya terminé", "lista ya terminé", "ya estoy en posición",
          "estoy en posición", "en posición", "ya me acomodé", "ya estoy acomodada",
          "ya estoy acomodado"]
_NEXT = [*_combine(["", "vamos con", "sigue con", "sigamos con", "dame", "pon", "quiero"],
                   ["el siguiente", "el siguiente ejercicio", "el siguiente paso", "el próximo",
                    "el próximo ejercicio", "el que sigue"]),
         *_combine(["pasa al", "vamos al", "ve al", "pasemos al", "cambia al"],
                   ["siguiente", "siguiente ejercicio", "siguiente paso", "próximo",
                    "próximo ejercicio", "que sigue"])]


def _next_samples() -> list[str]:
    return [*_READY, *_NEXT, "siguiente paso", "siguiente ejercicio", "al siguiente",
            "sigamos", "seguimos", "sigue", "continúa con el siguiente", "adelante",
            "adelante por favor", "avanza", "avancemos", "otro", "vamos por otro",
            "lo que sigue", "próximo", "próximo ejercicio",
            "siguiente por favor", "el siguiente por favor", "ya quedó el primero",
            "ya terminé este", "ya terminé con este", "ya acabé con este", "terminé este",
            "terminé el ejercicio", "ya terminé el ejercicio", "ya hice este", "ya hice ese",
            "listo con este", "listo con ese", "ese ya", "este ya", "ya estuvo",
            "ya estoy acostada", "ya estoy acostado", "ya estoy sentada", "ya estoy sentado",
            "ya estoy de rodillas", "ya estoy en la colchoneta", "ahora el siguiente",
            "ya tengo la espalda en el piso", "tengo la espalda apoyada en el suelo",
            "ya tengo la espalda pegada al piso", "ya estoy sentada en el piso",
            "tengo la espalda recta", "con la espalda en el suelo",
            "ya tengo las rodillas dobladas",
            "tengo las piernas estiradas", "ya tengo la cadera en el piso",
            "tengo las rodillas en el suelo", "ya tengo la espalda contra el piso",
            "tengo la rodilla en el piso", "tengo la cadera apoyada",
            "tengo la espalda en el tapete",
            "tengo la espalda bien apoyada",
            "tengo la espalda contra el suelo", "tengo la espalda derecha",
            "vamos con otro", "el que viene", "pásame al siguiente", "sigue por favor"]


SAMPLES: dict[str, list[str]] = {
    "AMAZON.NextIntent": _next_samples(),
    "AMAZON.RepeatIntent": [
        "repítelo", "otra vez", "de nuevo", "dilo otra vez", "dilo de nuevo", "repite eso",
        "repite eso por favor", "repítelo por favor", "repítemelo", "puedes repetir",
        "puedes repetirlo", "puedes repetir eso", "me lo repites", "me lo puedes repetir",
        "no te escuché", "no te oí", "no te entendí", "no escuché", "no oí bien",
        "cómo dijiste", "qué dijiste", "perdón qué dijiste", "mande", "cómo", "cómo perdón",
        "perdona no te he oído", "qué", "qué has dicho", "repite lo último",
        "repite la última parte", "repite las instrucciones", "repite el ejercicio",
        "hazlo otra vez", "otra vez ese", "una vez más", "vuelve a decirlo",
        "vuelve a decir eso", "vuelve a repetirlo", "dímelo otra vez", "otra vez por favor",
        "de nuevo por favor", "repite la instrucción", "no lo capté", "no lo pillé"],
    "AMAZON.PauseIntent": [
        "pausa mi rutina", "pausa la rutina", "pon pausa", "haz una pausa", "hagamos una pausa",
        "un descanso", "quiero un descanso", "necesito un descanso", "quiero descansar",
        "déjalo en pausa", "pausa por ahora", "pausa un momento", "pausa un rato",
        "páusalo", "detenlo un momento", "para un momento", "para un ratito",
        "descansemos un momento", "descanso", "tomemos un descanso", "me tomo un descanso",
        "pausa el ejercicio", "pon la rutina en pausa", "deja la rutina en pausa"],
    "AMAZON.ResumeIntent": [
        "sigue donde me quedé", "continúa mi rutina", "continúa la rutina", "retoma mi rutina",
        "retoma la rutina", "seguir con la rutina", "continúa donde lo dejé",
        "sigue donde lo dejamos", "quiero continuar", "retomar", "reanudar", "reanuda la rutina",
        "reanuda mi rutina", "sigamos donde nos quedamos", "continuemos", "vamos a continuar",
        "quiero seguir", "seguimos con la rutina", "sigue con la rutina", "ya volví",
        "ya regresé", "ya estoy de vuelta", "de vuelta", "aquí estoy de nuevo",
        "volvamos a la rutina", "seguir donde lo dejé", "continuar", "ya estoy aquí",
        "aquí estoy", "volví", "ya volví a la colchoneta", "estoy de regreso"],
    "AMAZON.StartOverIntent": [
        "empieza de nuevo", "desde el principio", "vuelve a empezar", "empieza desde el inicio",
        "empieza otra vez desde el inicio", "reinicia la rutina", "empezar de cero",
        "desde cero", "otra vez desde el principio", "vuelve al principio",
        "comienza de nuevo", "comenzar de nuevo", "empecemos de nuevo",
        "empecemos desde el principio", "quiero empezar de nuevo", "empieza la rutina de nuevo",
        "reinicia desde el principio", "vuelve a empezar la rutina"],
    "AMAZON.YesIntent": [
        "sí por favor", "claro", "claro que sí", "por supuesto", "sí claro", "está bien",
        "de acuerdo", "perfecto", "sí quiero", "sí vamos", "me parece bien", "sí gracias",
        "sí sí", "sí señor", "sí señora", "obvio", "desde luego", "bueno",
        "bueno sí", "sí está bien", "sí me parece", "sí adelante", "sí empecemos",
        "sí empieza", "sí hagámoslo", "hagámoslo", "sí lo quiero", "sí me gustaría",
        "me encantaría", "sí por qué no", "por qué no", "afirmativo", "correcto", "así es",
        "exacto", "eso es", "sí es correcto", "creo que sí", "sí estoy segura",
        "sí estoy seguro", "sí tengo", "sí me pasa", "sí aplica", "sí alguna",
        "sí una de esas", "sí por favor hazlo", "ok está bien", "okey sí", "sí dale",
        "sí vale", "perfecto sí", "genial sí", "sin problema", "adelante sí", "sí hazlo",
        "sí bórralo", "sí quiero borrarlo", "sí estoy de acuerdo", "sí lo sé", "me suena bien",
        "suena perfecto", "suena genial", "sin duda alguna", "sin ninguna duda",
        "definitivamente sí", "seguro", "seguro que sí", "cuando tú quieras", "cuando gustes",
        "sí me late", "me late la idea", "me late mucho"],
    "AMAZON.NoIntent": [
        "no gracias", "nop", "para nada", "ahora no", "no quiero", "todavía no", "mejor no",
        "no por ahora", "no hace falta", "no no", "no nada", "nada", "ninguna", "ninguno",
        "ninguna de esas", "ninguna de ellas", "nada de eso", "no ninguna", "no tengo nada",
        "no tengo ninguna", "no tengo nada de eso", "no me pasa nada de eso", "no aplica",
        "no me aplica", "no creo", "creo que no", "no gracias ahora no", "hoy no",
        "no hoy no", "tal vez después", "quizás luego", "mejor luego", "luego", "en otro momento",
        "no es cierto", "negativo", "claro que no", "por supuesto que no", "de ninguna manera",
        "no lo quiero", "no me interesa", "no estoy embarazada", "no me han operado",
        "no tengo hernia", "no a todo", "no a ninguna", "no nada de eso gracias",
        "no ninguna de las anteriores", "ninguna de las anteriores", "no lo borres",
        "no lo hagas", "no quiero recordatorio", "no quiero recordatorios", "mejor no gracias",
        "de momento no", "por ahora no", "tal vez luego",
        "más tarde tal vez", "nada de lo que mencionaste", "ninguna de las que dijiste",
        "no tengo nada de eso gracias",
        "ahora no puedo", "no puedo ahora mismo", "hoy no puedo", "prefiero no", "mejor que no",
        "no estoy mareado", "no tengo fiebre", "no tengo sangrado", "no sangro",
        "no me pasa nada de eso", "no tengo ningún síntoma"],
    "AMAZON.HelpIntent": [
        "qué puedo decir", "qué puedo hacer", "cómo funciona esto", "cómo funciona",
        "no sé qué hacer", "ayúdame por favor", "necesito ayuda", "qué opciones tengo",
        "cómo se usa", "cómo se usa esto", "cómo uso esto", "qué hago", "qué hago ahora",
        "qué tengo que decir", "qué tengo que hacer", "qué debo decir", "qué debo hacer",
        "estoy perdida", "estoy perdido", "no entiendo", "no entiendo nada", "no le entiendo",
        "explícame cómo funciona", "para qué sirves", "qué sabes hacer", "qué haces",
        "instrucciones", "ayuda por favor", "me ayudas", "puedes ayudarme", "dame ayuda",
        "qué comandos hay", "qué le puedo pedir", "qué te puedo pedir", "cuáles son las opciones",
        "cómo funciona esta skill", "de qué se trata", "qué es esto",
        "qué digo ahora", "qué le digo", "qué tengo que contestar"],
    "AMAZON.StopIntent": [
        "para por favor", "detente", "basta", "ya basta", "para ya", "alto", "apágate",
        "apágalo", "termina", "cállate ya", "silencio por favor", "deja de hablar",
        "para de hablar", "sal", "salir", "adiós", "chao", "hasta luego", "cierra",
        "cierra la skill", "sal de aquí", "terminar", "ya no más", "detén todo", "para todo",
        "quiero salir"],
    "AMAZON.CancelIntent": [
        "cancela eso", "olvídalo por favor", "déjalo", "no importa", "cancélalo", "cancela",
        "olvida eso", "olvídate", "anula eso", "no lo hagas ya", "da igual", "nada olvídalo",
        "cancela por favor", "mejor cancela"],
    "AMAZON.FallbackIntent": [
        # other skills' requests: a timer, an alarm, a list, music, calls, the weather
        "pon un temporizador", "pon un temporizador de diez minutos",
        "temporizador de cinco minutos",
        "cuánto le queda al temporizador", "cancela el temporizador", "pon una alarma",
        "pon una alarma a las seis", "despiértame mañana a las siete", "apaga la alarma",
        "cambia la alarma a las ocho", "posponer", "recuérdame llamar al doctor",
        "recuérdame regar las plantas", "recuérdame recoger a los niños",
        "recuérdame pagar la luz", "recuérdame sacar la basura", "recuérdame llamar a mi hermana",
        "recuérdame tomar la pastilla", "recuérdame tomar mis medicinas a las ocho",
        "recuérdame la cita del dentista", "recuérdame comprar pan",
        "pon un recordatorio para la cita",
        "agrega leche a la lista", "añade huevos a la lista de la compra",
        "agrega tortillas a la lista del súper", "qué hay en mi lista", "lista de compras",
        "borra mi lista de compras", "borra el mensaje", "borra la alarma", "borra mis grabaciones",
        "borra la foto", "pon música", "pon música relajante", "pon la radio", "pon las noticias",
        "pon mi lista de reproducción", "siguiente canción", "salta esta canción",
        "canción anterior", "qué canción es esta", "para la música", "sube el volumen",
        "baja el volumen", "más alto", "más bajo", "volumen al cinco", "silencia",
        "llama a mi mamá", "llama a mi hija", "marca a mi hijo", "manda un mensaje",
        "lee mis mensajes", "qué tiempo hace", "cómo está el clima", "va a llover hoy",
        "qué temperatura hace afuera", "hace frío afuera", "qué tiempo hará mañana",
        "qué hora es", "qué día es hoy", "qué fecha es", "cuéntame un chiste",
        "cuéntame un cuento", "canta una canción", "dime un dato curioso", "dime un poema",
        "quién ganó el partido", "resultados del fútbol", "cómo va el partido",
        "enciende la luz", "apaga las luces", "apaga la tele", "enciende la tele",
        "cambia de canal", "sube la calefacción", "pon el aire acondicionado", "cierra la puerta",
        "compra leche", "compra pilas", "dónde está mi paquete", "rastrea mi pedido",
        "qué tengo en el calendario", "agrega una cita al calendario", "toma una nota",
        "cuánto es dos más dos", "a qué distancia está la luna", "receta de tortilla de patatas",
        "receta de enchiladas", "cómo llego al centro", "cómo está el tráfico",
        "pide un taxi", "pide una pizza", "reserva una mesa", "llama a una ambulancia",
        "busca un fisioterapeuta cerca", "farmacia más cercana", "dónde está mi celular",
        "dónde está mi móvil", "busca mi teléfono", "cambia el idioma", "habla en inglés",
        "cambia la voz de alexa", "cambia la palabra de activación", "cambia mi dirección",
        # hellos, chatter and noises
        "hola", "buenos días", "buenas tardes", "buenas noches alexa", "qué tal", "cómo estás",
        "cómo te llamas", "quién eres", "eres un robot", "te quiero", "eres muy lista",
        "qué gracioso", "ja ja ja", "ay no", "uy", "ups", "salud", "eh", "este", "mmm", "ajá",
        "bla bla bla", "probando probando", "déjame pensar", "a ver",
        # where you are, how you are, the weather: never pain nor any action
        "tengo sueño", "tengo un poco de sueño", "tengo calor", "tengo mucho calor",
        "tengo frío", "tengo hambre", "tengo mucha hambre", "tengo sed", "estoy cansada",
        "estoy cansado", "estoy muy cansada", "estoy muy cansado", "estoy agotada",
        "estoy agotado", "estoy rendida", "estoy rendido", "estoy aburrida", "estoy aburrido",
        "estoy estresada", "estoy estresado", "estoy nerviosa", "estoy nervioso",
        "estoy triste", "estoy un poco triste", "estoy de bajón", "estoy feliz", "estoy contenta",
        "estoy contento", "estoy emocionada", "estoy harta", "estoy harto", "estoy ocupada",
        "estoy ocupado", "estoy en la cocina", "estoy en la sala", "estoy en el sofá",
        "estoy en la cama", "estoy en el jardín", "estoy en el trabajo", "estoy en la oficina",
        "estoy en casa", "estoy afuera", "estoy arriba", "estoy abajo", "estoy en el coche",
        "estoy en el carro", "estoy en el autobús", "estoy manejando", "estoy conduciendo",
        "estoy cocinando", "estoy comiendo", "estoy cenando", "estoy viendo la tele",
        "estoy leyendo", "estoy trabajando", "estoy hablando por teléfono",
        "estoy haciendo la comida", "estoy de compras", "estoy caminando",
        "estoy sudando", "estoy resfriada", "estoy resfriado", "tengo gripe", "tengo tos",
        "tengo un resfriado", "tengo dolor de cabeza", "me duele la cabeza",
        "tengo alergia", "soy alérgica a los gatos", "tengo una reunión", "tengo una cita",
        "tengo una pregunta", "tengo visitas", "tengo que hacer la cena", "qué hay de cenar",
        "qué como hoy", "cuántas calorías tiene", "cómo bajo de peso", "me estoy haciendo mayor",
        "tengo sesenta años", "estoy jubilada", "estoy jubilado", "soy enfermera",
        "el jardín de atrás", "la puerta de atrás", "el patio de atrás", "el asiento de atrás",
        "mi rodillera", "está lloviendo", "está nublado", "hace un día bonito", "hace sol",
        "hace mucho calor", "hace frío hoy", "qué frío", "qué calor", "es tarde", "es temprano",
        "ya es de noche", "está nevando", "hace viento", "mi marido te manda saludos",
        "mi esposo dice hola", "mi perro está ladrando", "el gato se subió a la mesa",
        "me voy a la cama", "me quiero ir a dormir", "quiero un vaso de agua",
        "quiero ver la tele", "quiero algo de comer",
        "hoy mejor que ayer", "más rápido que la semana pasada",
        "no estoy de humor", "estoy un poco lenta hoy", "estoy un poco lento hoy",
        "me siento cansado", "me siento agotada", "me siento sin ganas", "me siento floja",
        "me siento con sueño", "me siento triste", "amanecí cansada", "amanecí con sueño",
        "estoy algo tiesa", "estoy un poco rígido", "qué flojera", "tengo pereza",
        "estoy en mi recámara", "estoy en el cuarto", "estoy en la habitación",
        "recuérdame ir al médico", "recuérdame tomar el jarabe", "recuérdame tomar la medicina",
        "recuérdame la pastilla de la noche", "ponme un recordatorio para ir al médico",
        "pon un recordatorio para pagar la renta", "recuérdame llamar al banco a las dos",
        "recuérdame sacar la carne del congelador", "recuérdame tomar las vitaminas a las ocho",
        "un recordatorio para mi cita de mañana", "recuérdame dar de comer al perro",
        "súbele el volumen", "súbele a la música", "bájale el volumen", "bájale a la tele",
        "pídeme un taxi", "necesito un uber", "cómo se hace una tortilla",
        "cómo se prepara el arroz", "a cuánto está el dólar", "cuánto cuesta un kilo de tortillas",
        "borra ese mensaje", "borra esa nota", "borra esa alarma", "borra la pantalla",
        "borra todo lo de la lista", "elimina la foto", "tengo la espalda mojada",
        "estoy molido", "estoy muerta de cansancio", "estoy muerto de cansancio",
        "estoy fundida", "estoy fundido", "borra esto", "borra eso de la lista", "borra el último",
        "borra esa canción", "borra ese recordatorio del dentista", "más rápido que antes",
        "hoy fue más rápido", "mejor que la vez pasada", "recuérdame tomar las pastillas",
        "pon un recordatorio para tomar el antibiótico", "recuérdame tomar la pastilla a las diez",
        "recuérdame la medicina de la tarde", "recordatorio para la insulina a las nueve",
        "recuérdame ponerme las gotas a las ocho", "un recordatorio para tomar la medicina",
        "elimina eso", "quita eso", "borra ese", "borra esa", "me siento torpe",
        "me siento oxidada", "me siento oxidado", "me siento desganada", "me siento desganado",
        "me siento baja de ánimo", "mi esposo está aquí", "los niños están aquí conmigo",
        "tengo las manos en la cadera",
        "tengo la mano en la rodilla", "tengo la espalda en la almohada",
        "tengo el cuello tapado", "tengo la cadera de lado", "tengo la espalda al sol",
    ],
    "AMAZON.NavigateHomeIntent": [
        "menú", "el menú", "menú principal", "al inicio", "vuelve al inicio",
        "ve al menú principal", "regresa al menú", "vuelve al menú", "llévame al inicio",
        "llévame al menú", "pantalla de inicio", "ir al inicio", "regresa al inicio",
        "al menú principal", "volver al menú principal", "quiero ir al menú"],
    "AMAZON.PreviousIntent": [
        "vuelve atrás", "el anterior", "regresa al anterior", "el paso anterior",
        "el ejercicio anterior", "ve al anterior", "vuelve al anterior", "anterior por favor",
        "vuelve al ejercicio anterior", "regresa al ejercicio anterior", "uno atrás",
        "un paso atrás", "volver atrás", "ir atrás", "vuelve al estiramiento anterior",
        "el de antes", "el que hicimos antes", "quiero el anterior"],
}

# ------------------------------------------------------------------------- the routine

_ROUTINE = ["mi rutina", "la rutina", "mis ejercicios", "los ejercicios", "la sesión",
            "mi sesión", "la sesión de hoy", "la rutina de hoy", "mis estiramientos",
            "los estiramientos de hoy", "mi práctica", "la práctica de hoy", "el entrenamiento"]
SAMPLES["StartRoutineIntent"] = [
    *_combine(["empieza", "comienza", "inicia", "arranca", "pon", "hagamos", "haz conmigo",
               "vamos con", "quiero hacer", "quiero empezar", "vamos a hacer", "vamos a empezar",
               "puedes empezar", "me gustaría hacer", "empecemos", "empiece", "comience",
               "inicie"], _ROUTINE),
    "empecemos", "empezamos", "comenzamos", "vamos a empezar", "a empezar", "a darle",
    "manos a la obra", "a practicar", "quiero practicar", "vamos a practicar",
    "hora de practicar", "hora de los ejercicios", "hora de mi rutina",
    "es hora de hacer ejercicio",
    "vamos a ejercitarnos", "quiero hacer ejercicio", "hagamos ejercicio",
    "quiero hacer mi rutina de hoy", "mi rutina de hoy por favor", "la rutina por favor",
    "empieza ya", "empieza por favor", "ponme la rutina", "guíame en mi rutina",
    "guíame en la rutina de hoy", "llévame por la rutina", "hagamos la de hoy",
    "vamos con lo de hoy", "quiero estirar y relajar", "vamos a relajar el piso pélvico",
    "comencemos la sesión", "iniciemos la sesión", "empecemos la sesión de hoy",
    "vamos", "vámonos", "vamos pues", "estoy lista para empezar", "estoy listo para empezar",
    "lista para la rutina",
    "listo para la rutina", "ya quiero empezar", "empieza mis ejercicios de hoy",
    "quiero hacer mis ejercicios de hoy", "hagamos los ejercicios de hoy"]
SAMPLES["TodaysRoutineIntent"] = [
    "cuál es la rutina de hoy", "qué toca hoy", "qué me toca hoy", "qué hay hoy",
    "dime la rutina de hoy", "qué ejercicios hago hoy", "en qué consiste la rutina de hoy",
    "qué ejercicios hay hoy", "qué ejercicios tocan hoy", "qué vamos a hacer hoy",
    "qué haremos hoy", "qué hacemos hoy", "qué tengo hoy", "qué tengo que hacer hoy",
    "qué incluye la rutina de hoy", "de qué es la rutina de hoy", "cuál es el plan de hoy",
    "qué hay en la rutina de hoy", "qué ejercicios son", "cuáles son los ejercicios de hoy",
    "dime qué ejercicios toca hacer", "qué toca en el programa hoy", "qué lleva la rutina",
    "qué trae la rutina de hoy", "qué tiene la rutina de hoy", "explícame la rutina de hoy",
    "cuéntame qué toca hoy", "qué es lo de hoy", "qué sigue hoy", "qué rutina me toca",
    "qué rutina toca hoy", "qué rutina es hoy", "cuál es mi rutina", "dime mi rutina",
    "qué sesión toca hoy", "qué estiramientos tocan hoy", "qué entrenamiento toca hoy",
    "qué viene en la sesión de hoy", "qué ejercicios trae hoy", "qué nos toca hoy"]

# A verb alone before the slot ("quiero {Exercise}") would take "quiero un café" for an
# exercise nobody modelled: each carrier says what it does with the exercise.
_EX_GUIDE_VERBS = ["guíame en", "guíame con", "llévame por", "enséñame", "quiero hacer",
                   "quiero practicar", "hagamos", "vamos con", "vamos a hacer",
                   "me gustaría hacer", "podemos hacer", "puedes guiarme en",
                   "ayúdame con", "practiquemos", "empecemos con", "empieza con", "me guíe en",
                   "solo quiero hacer", "hoy quiero hacer"]
SAMPLES["GuideExerciseIntent"] = [
    *_combine(_EX_GUIDE_VERBS, ["{Exercise}"]),
    *_combine(_EX_GUIDE_VERBS, ["{Exercise} por favor"]),
    "solo {Exercise}", "nada más {Exercise}", "solamente {Exercise}", "solo {Exercise} hoy",
    "hoy solo {Exercise}", "nada más {Exercise} hoy", "{Exercise} por favor",
    "enséñame a hacer {Exercise}", "cómo hago {Exercise} guíame", "hacer {Exercise}",
    "quiero hacer solo {Exercise}", "quiero probar {Exercise}", "probemos {Exercise}",
    "vamos a probar {Exercise}", "hagamos solo {Exercise}", "hagamos nada más {Exercise}",
    "hagamos un {Exercise}", "quiero hacer un {Exercise}"]
SAMPLES["SkipIntent"] = [
    "salta", "sáltalo", "salta este", "sáltate este", "sáltate este ejercicio",
    "salta este ejercicio",
    "sáltatelo", "no quiero hacer este", "no quiero hacer este ejercicio", "pasa al otro",
    "este no", "este no por favor", "ese no", "hoy este no", "omite este", "omítelo",
    "omite este ejercicio", "quítalo", "quita este", "quita este ejercicio", "déjalo para otro día",
    "prefiero saltarme este", "me lo salto", "me salto este", "mejor sáltalo",
    "no puedo hacer este", "no puedo con este", "este me lo salto", "salta al siguiente ejercicio",
    "pasa de este", "paso de este", "ya no quiero este", "basta de este",
    "termina este y sigue", "deja este", "deja este ejercicio", "deja este estiramiento",
    "salta este estiramiento", "sáltate este estiramiento", "no me gusta este",
    "para este ejercicio", "para este estiramiento", "corta este", "acaba este ya",
    *_combine(["salta", "sáltate", "omite", "quita", "hoy sin", "deja fuera", "no quiero hacer",
               "prefiero no hacer", "sin", "no me pongas", "no quiero", "hoy no quiero hacer",
               "mejor sin", "me salto", "salta lo de", "quítame"], ["{Exercise}"]),
    "{Exercise} no", "hoy {Exercise} no", "{Exercise} hoy no", "nada de {Exercise}",
    "nada de {Exercise} hoy", "no voy a hacer {Exercise}", "salta {Exercise} hoy",
    "hoy no haré {Exercise}"]

# ------------------------------------------------------------------------- safety

_HURTS = ["me duele", "eso duele", "esto duele", "esto me duele", "eso me duele", "duele",
          "duele mucho", "me duele mucho", "me duele un poco", "me duele bastante", "ay me duele",
          "ay", "ay ay ay", "auch", "uy me duele", "tengo dolor", "tengo mucho dolor",
          "siento dolor", "siento un dolor", "me lastimé", "me he lastimado", "creo que me lastimé",
          "me hice daño", "me he hecho daño", "creo que me hice daño", "me está doliendo",
          "me sigue doliendo", "todavía me duele", "aún me duele", "sigue doliendo",
          "me duele todavía", "eso no se siente bien", "algo no se siente bien",
          "algo no va bien", "no se siente bien", "se siente mal", "siento algo raro",
          "algo anda mal", "no está bien esto", "esto no está bien", "me está matando",
          "me mata", "qué dolor", "es muy doloroso", "es doloroso", "eso es doloroso",
          "duele demasiado", "me duele demasiado", "sentí un tirón", "sentí un pinchazo",
          "sentí algo", "me dio un jalón", "me jalé algo", "me estiré demasiado y me duele",
          "para que me duele", "ay para me duele", "me molesta mucho", "me molesta",
          "me duele cuando lo hago", "me duele al moverme",
          "me duele si me muevo", "no aguanto el dolor", "no aguanto", "es incómodo",
          "esto es incómodo", "me siento incómoda", "me siento incómodo", "esto molesta"]
_PART = [
    "me duele {Symptom}", "me duelen {Symptom}", "me duele mucho {Symptom}",
    "me duele un poco {Symptom}", "me está doliendo {Symptom}", "me sigue doliendo {Symptom}",
    "me molesta {Symptom}", "me molestan {Symptom}", "tengo dolor en {Symptom}",
    "tengo dolor de {Symptom}", "tengo un dolor en {Symptom}", "tengo molestias en {Symptom}",
    "siento dolor en {Symptom}", "siento un dolor en {Symptom}", "noto dolor en {Symptom}",
    "dolor en {Symptom}", "dolor de {Symptom}", "me lastimé {Symptom}", "me lastimé en {Symptom}",
    "me hice daño en {Symptom}", "me he hecho daño en {Symptom}", "ay {Symptom}",
    "ay me duele {Symptom}", "{Symptom} me duele", "{Symptom} me duele mucho",
    "me está matando {Symptom}", "me mata {Symptom}", "sentí un tirón en {Symptom}",
    "sentí un pinchazo en {Symptom}", "tengo un pinchazo en {Symptom}",
    "siento una punzada en {Symptom}",
    "tengo una punzada en {Symptom}", "una punzada en {Symptom}",
    "me punza {Symptom}", "me arde {Symptom}", "me jalé {Symptom}",
    "creo que me lastimé {Symptom}", "me he lastimado {Symptom}", "me resentí de {Symptom}",
    "se me resintió {Symptom}", "me duele durante {Symptom}", "tengo dolor durante {Symptom}",
    "siento dolor durante {Symptom}", "me duele al {Symptom}", "me duele cuando tengo {Symptom}",
    "me duele en {Symptom}", "duele en {Symptom}", "me empezó a doler {Symptom}",
    "empezó a dolerme {Symptom}", "me ha empezado a doler {Symptom}", "me duele ahora {Symptom}",
    "{Symptom} me está doliendo", "{Symptom} me molesta", "es {Symptom} me duele",
]
_SIGN = ["me siento {Sign}", "estoy {Sign}", "tengo {Sign}", "noto {Sign}", "siento {Sign}",
         "me noto {Sign}", "me dio {Sign}", "me está dando {Sign}", "me dan {Sign}",
         "de repente {Sign}", "de pronto me siento {Sign}", "me he notado {Sign}", "tuve {Sign}",
         "he tenido {Sign}", "estoy teniendo {Sign}", "me pasa que {Sign}", "es que {Sign}",
         "creo que {Sign}", "siento que {Sign}", "me ha dado {Sign}", "ahora tengo {Sign}",
         "me empecé a sentir {Sign}", "me estoy sintiendo {Sign}", "tengo muchos {Sign}",
         "me están dando {Sign}", "{Sign} desde hace rato", "{Sign} y me preocupa",
         "ahora {Sign}", "estoy con {Sign}", "estoy medio {Sign}",
         "me siento medio {Sign}", "ando {Sign}", "ando medio {Sign}", "se me escaparon {Sign}",
         "se me salieron {Sign}"]
SAMPLES["ReportPainIntent"] = [*_HURTS, *_PART, *_SIGN]

SAMPLES["SafetyConditionIntent"] = [
    "estoy embarazada", "creo que estoy embarazada", "estoy esperando un bebé",
    "estoy de encargo", "voy a tener un bebé", "estoy en el segundo trimestre",
    "acabo de tener un bebé", "tuve un bebé hace poco", "di a luz hace poco",
    "di a luz hace unas semanas", "tuve a mi bebé el mes pasado", "acabo de dar a luz",
    "estoy en la cuarentena", "estoy en el posparto", "me operaron", "me operaron hace poco",
    "tuve una cirugía", "tuve una operación", "me acaban de operar", "estoy recién operada",
    "estoy recién operado", "me pusieron una prótesis de cadera", "me operaron de la cadera",
    "me operaron de la rodilla", "me operaron de la espalda", "tuve una cesárea",
    "me hicieron una cesárea", "tengo una hernia", "me operaron de una hernia",
    "creo que tengo una hernia", "tengo un bulto ahí abajo", "siento un bulto ahí abajo",
    "noto un bulto en la vagina", "tengo un prolapso", "me diagnosticaron un prolapso",
    "siento pesadez ahí abajo", "siento peso en la vagina", "se me baja la vejiga",
    "tengo una lesión de cadera", "tengo una lesión en la rodilla", "me lesioné la rodilla",
    "tengo endometriosis", "tengo síntomas en la vejiga", "tengo problemas de vejiga",
    "tengo problemas intestinales", "tengo dolor pélvico crónico", "tengo un problema médico",
    "estoy en tratamiento", "mi médico me dijo que no haga ejercicio"]

# ------------------------------------------------------------------------- progress

SAMPLES["ProgressSummaryIntent"] = [
    "cómo voy", "cómo me va", "cuál es mi progreso", "dime mi progreso",
    "cómo voy con los ejercicios",
    "mi progreso", "qué tal voy", "cómo voy en general", "cómo voy hasta ahora",
    "cómo lo estoy haciendo",
    "lo estoy haciendo bien", "cómo va mi progreso", "resumen de mi progreso", "dame un resumen",
    "dame mi resumen", "cómo voy con la rutina", "cómo voy con el programa", "qué tal lo llevo",
    "cómo lo llevo", "estoy mejorando", "he mejorado", "cuánto he avanzado", "cuánto llevo",
    "qué tanto he avanzado", "mis estadísticas", "dime mis estadísticas", "cómo van mis ejercicios",
    "cuéntame cómo voy", "cómo voy esta semana", "qué tal me va", "cómo vamos"]
SAMPLES["StreakIntent"] = [
    "cuál es mi racha", "cuántos días seguidos llevo", "mi racha", "cuántos días llevo sin fallar",
    "cuánto dura mi racha", "cuántos días seguidos he practicado", "cuántos días llevo seguidos",
    "de cuántos días es mi racha", "cuál es mi racha actual", "cuál es mi mejor racha",
    "cuál es mi racha más larga", "dime mi racha", "tengo una racha", "sigo con mi racha",
    "cuántos días consecutivos llevo", "cuántos días consecutivos he practicado",
    "cuántos días sin parar", "he perdido mi racha", "perdí la racha", "cómo va mi racha",
    "llevo racha", "cuántos días al hilo llevo", "cuántos días de racha tengo",
    "racha de días", "cuál es mi récord de días seguidos", "he practicado todos los días",
    "no he fallado ningún día"]
_HOW_MANY_SESSIONS = ["cuántas sesiones", "cuántas sesiones llevo", "cuántas sesiones he hecho",
                      "cuántas sesiones hice", "cuántas sesiones he completado",
                      "cuántas veces practiqué", "cuántas veces he practicado",
                      "cuántas veces hice la rutina", "cuántas veces he hecho la rutina",
                      "cuántas rutinas he hecho", "cuántas rutinas llevo",
                      "cuántos entrenamientos llevo", "cuántas veces hice los ejercicios",
                      "cuántas sesiones terminé", "número de sesiones", "cuántas veces"]
SAMPLES["SessionCountIntent"] = [
    *_combine(_HOW_MANY_SESSIONS, ["{Period}"]),
    "cuántas sesiones llevo", "cuántas veces he practicado", "cuántas sesiones he hecho",
    "cuántas sesiones he completado", "cuántas rutinas he hecho", "dime cuántas sesiones llevo",
    "dime cuántas sesiones {Period}", "sesiones {Period}", "cuántas he hecho {Period}",
    "cuántas llevo {Period}", "he practicado {Period}", "practiqué {Period}",
    "hice la rutina {Period}", "hice mis ejercicios {Period}"]
_HOW_MUCH_TIME = ["cuántos minutos practiqué", "cuánto tiempo practiqué", "cuántos minutos llevo",
                  "cuánto tiempo llevo", "cuántos minutos he practicado",
                  "cuánto tiempo he practicado",
                  "cuántos minutos hice", "cuánto he practicado", "cuántos minutos de ejercicio",
                  "cuánto tiempo de práctica", "cuántos minutos he hecho", "minutos de práctica",
                  "cuántas horas he practicado", "cuánto tiempo le dediqué"]
SAMPLES["MinutesPractisedIntent"] = [
    *_combine(_HOW_MUCH_TIME, ["{Period}"]),
    "cuánto tiempo llevo practicando",
    "cuántos minutos he practicado", "cuánto tiempo he practicado", "cuántos minutos llevo",
    "dime cuántos minutos {Period}", "cuántos minutos {Period}", "minutos {Period}",
    "tiempo de práctica {Period}", "cuánto tiempo {Period}", "cuánto he hecho {Period}",
    "cuánto practiqué {Period}"]
SAMPLES["LastSessionIntent"] = [
    "cuándo practiqué por última vez", "cuándo fue mi última sesión", "cuál fue mi última sesión",
    "cuándo hice los ejercicios por última vez", "cuándo fue la última vez que practiqué",
    "cuándo fue la última vez", "mi última sesión", "qué hice la última vez",
    "qué hice en mi última sesión", "cuánto duró mi última sesión", "cuánto duró la última vez",
    "cuándo hice la rutina por última vez", "cuándo hice mi última rutina",
    "hace cuánto que no practico", "hace cuánto no hago los ejercicios",
    "cuántos días hace que no practico", "cuándo entrené por última vez",
    "la última vez que hice ejercicio", "qué rutina hice la última vez",
    "cuál fue la última rutina",
    "dime mi última sesión", "cuándo fue mi sesión anterior"]
SAMPLES["ProgramWeekIntent"] = [
    "en qué semana del programa voy", "en qué semana voy", "qué semana es esta",
    "en qué semana estoy",
    "en qué semana del programa estoy", "qué semana del programa es", "cuál es mi semana",
    "en qué parte del programa voy", "en qué punto del programa estoy",
    "por dónde voy en el programa",
    "qué semana me toca", "qué semana toca", "cuántas semanas llevo",
    "cuántas semanas llevo del programa",
    "en qué nivel estoy", "qué nivel tengo", "semana del programa", "cuánto me falta del programa",
    "cuántas semanas tiene el programa", "qué tan avanzada voy en el programa",
    "qué tan avanzado voy en el programa"]
SAMPLES["WhereLeftOffIntent"] = [
    "dónde me quedé", "dónde lo dejé", "en qué paso me quedé", "hasta dónde llegué",
    "dónde nos quedamos", "dónde lo dejamos", "en qué ejercicio me quedé", "en qué ejercicio iba",
    "por dónde iba", "por dónde íbamos", "en qué iba", "qué estaba haciendo", "en cuál me quedé",
    "dónde quedamos", "hasta dónde hice", "qué me faltó la última vez", "en qué me quedé",
    "cuál era el siguiente", "en qué punto me quedé", "dónde dejé la rutina",
    "dónde paré", "dónde me detuve", "en qué parte me quedé"]
SAMPLES["DeleteProgressIntent"] = [
    "borra mi progreso", "elimina mis datos", "borra mis datos", "reinicia mi progreso",
    "borra todo mi historial", "borra mi historial", "elimina mi historial", "elimina mi progreso",
    "borra todos mis datos", "elimina todos mis datos", "quiero borrar mis datos",
    "quiero borrar mi progreso", "quiero eliminar mis datos", "quiero que borres mis datos",
    "borra todo lo que sabes de mí", "olvida todo lo que sabes de mí", "elimina mi información",
    "borra mi información", "borra mis registros", "elimina mis registros", "borra mi perfil",
    "elimina mi perfil", "resetea mi progreso", "pon mi progreso a cero",
    "empieza mi progreso de cero",
    "quiero empezar el programa de cero", "borra mis sesiones", "elimina mis sesiones",
    "no quiero que guardes mis datos", "borra lo que tienes guardado de mí",
    "borra todo lo que has guardado", "quiero que me borres", "bórrame", "elimíname",
    "borra mi cuenta", "elimina mi cuenta de la skill", "quita mis datos",
    "quiero que olvides mis datos", "borra mi racha y mis sesiones"]

# ------------------------------------------------------------------------- how it went

SAMPLES["FeelingGoodIntent"] = [
    "bien", "muy bien", "súper bien", "genial", "me sentí bien", "todo bien", "de maravilla",
    "perfectamente", "me siento bien", "mejor", "relajada", "relajado", "a gusto", "bien gracias",
    "muy bien gracias", "todo bien gracias", "me siento mejor", "me siento mucho mejor",
    "mucho mejor", "bastante bien", "bastante mejor", "me siento genial", "me siento muy bien",
    "me siento relajada", "me siento relajado", "me siento más relajada", "me siento más relajado",
    "me siento más suelta", "me siento más suelto", "más suelta", "más suelto", "estoy bien",
    "estoy muy bien", "estoy mejor", "ya estoy mejor", "me fue bien", "me fue muy bien",
    "estuvo bien", "estuvo muy bien", "estuvo genial", "estuvo padre", "estuvo bonito",
    "se sintió bien", "se sintió muy bien", "se siente bien", "se siente rico", "qué rico",
    "qué bien se siente", "qué bien", "excelente", "fantástico", "maravilloso", "increíble",
    "estupendo", "buenísimo", "me gustó", "me encantó", "me gustó mucho", "fue fácil",
    "fue relajante", "muy relajante", "me relajó", "me ayudó", "me ayudó mucho",
    "eso ayuda", "eso me ayuda", "ayudó mucho", "me sirvió", "me hacía falta", "lo necesitaba",
    "no me duele", "ya no me duele", "no me duele nada", "no duele", "nada me duele",
    "no hay dolor",
    "sin dolor", "cero dolor", "no tengo dolor", "no siento dolor", "ya no duele",
    "se me quitó el dolor",
    "ya pasó el dolor", "nada me duele", "no me está doliendo nada", "ya no me está doliendo",
    "no me está doliendo", "estoy cómoda", "estoy cómodo", "cómoda", "cómodo", "tranquila",
    "tranquilo", "me siento tranquila", "me siento tranquilo", "me siento ligera",
    "me siento ligero", "me siento más ligera", "las caderas se sienten mejor",
    "siento la cadera mejor", "la espalda se siente mejor", "siento la espalda más suelta",
    "mis caderas están mejor", "mi espalda está mejor", "mi rodilla está bien",
    "fue más fácil de lo que pensaba", "fue mejor de lo que pensaba", "se me pasó rápido",
    "se pasó rapidísimo", "se hizo rápido",
    "la rodilla bien", "la cadera bien", "ningún problema", "sin problemas", "no estuvo mal",
    "nada mal", "más o menos bien", "normal", "bien normal", "ok gracias", "regular pero bien",
    "todo en orden", "todo perfecto", "perfecto gracias", "de lujo", "qué alivio", "un alivio",
    "es un alivio", "me siento aliviada", "me siento aliviado", "muy a gusto", "me sentí a gusto",
    "me sentí relajada", "me sentí relajado", "me sentí genial", "me sentí mejor"]
SAMPLES["WaitIntent"] = [
    "espera", "espérame", "un momento", "dame un minuto", "aguanta", "un segundito",
    "espera un momento", "espera un segundo", "espera un poco", "un segundo", "un minuto",
    "un minutito", "un momentito", "dame un segundo", "dame un momento", "dame unos minutos",
    "dame dos minutos", "todavía no estoy lista", "todavía no estoy listo", "aún no estoy lista",
    "aún no estoy listo", "no estoy lista", "no estoy listo", "necesito un minuto",
    "necesito un momento", "espérate", "espera por favor", "espérame por favor",
    "espera tantito", "aguanta un momento", "aguarda", "aguarda un momento",
    "voy por mi colchoneta", "déjame ir por la colchoneta", "déjame acomodarme",
    "me estoy acomodando", "me estoy preparando", "déjame prepararme", "déjame ponerme en posición",
    "tocan la puerta", "están tocando el timbre", "sonó el timbre", "espera que suena el teléfono",
    "me están llamando", "espera tengo que ir al baño", "necesito ir al baño", "voy al baño",
    "voy al baño un momento", "déjame ir por agua", "voy por un vaso de agua",
    "ahorita vuelvo", "ya vuelvo", "ahora vuelvo", "vuelvo enseguida", "vuelvo en un minuto",
    "regreso en un momento", "espera que alguien llegó", "espera un ratito", "un ratito",
    "dame chance", "un momento por favor", "perdón un momento", "disculpa un momento",
    "espera que me acomode", "espera que me ponga en posición", "no tan rápido espera",
    "sigo aquí", "todavía estoy aquí", "tengo que ir al baño", "necesito ir al servicio",
    "tengo ganas de hacer pipí", "necesito hacer pis"]
SAMPLES["DoneForTodayIntent"] = [
    "gracias", "muchas gracias", "por hoy es todo", "ya es suficiente", "ya terminé por hoy",
    "eso es todo", "hasta aquí por hoy", "mil gracias", "muchísimas gracias", "gracias por hoy",
    "gracias por todo", "gracias eso es todo", "es todo por hoy", "ya fue suficiente por hoy",
    "suficiente por hoy", "ya es todo", "terminamos por hoy", "terminé por hoy", "ya acabé por hoy",
    "lo dejamos aquí", "dejémoslo aquí", "lo dejo aquí", "hasta aquí", "hasta aquí llego hoy",
    "ya no quiero más por hoy", "ya no más por hoy", "por hoy ya", "ya me voy", "me tengo que ir",
    "tengo que irme", "me voy", "ya me tengo que ir", "nos vemos mañana", "hasta mañana",
    "hasta la próxima", "nos vemos", "buenas noches", "que descanses", "gracias nos vemos",
    "gracias adiós", "gracias hasta mañana", "bueno ya es todo", "listo por hoy",
    "lista por hoy", "eso fue todo", "ya terminamos", "terminamos", "con eso basta",
    "con eso es suficiente", "ya estuvo por hoy", "es suficiente", "ya fue suficiente",
    "gracias coach", "gracias entrenadora", "gracias eh", "te lo agradezco",
    "quiero terminar por hoy", "vamos a terminar por hoy", "termina la sesión",
    "termina la rutina", "acaba la sesión", "finaliza la sesión", "para la sesión",
    "para la rutina", "para toda la rutina", "ya terminé por el día", "terminé por el día",
    "nos vemos más tarde", "luego nos vemos", "me despido",
    "me despido por hoy", "con esto me despido"]
SAMPLES["HowLongIntent"] = [
    "cuánto dura la rutina de hoy", "cuánto tiempo toma", "cuánto falta", "cuánto dura",
    "cuánto tiempo me queda", "cuánto me falta", "cuánto tiempo dura", "cuánto dura la sesión",
    "cuánto dura la rutina", "cuánto tiempo dura la rutina de hoy", "cuánto falta para terminar",
    "cuánto queda", "cuánto nos queda", "cuántos ejercicios faltan", "cuántos ejercicios quedan",
    "cuántos me faltan", "cuántos faltan", "cuántos quedan", "cuántos estiramientos faltan",
    "ya casi terminamos", "falta mucho", "falta poco", "queda mucho", "cuánto más", "es el último",
    "este es el último", "es el último ejercicio", "ya es el último", "qué falta", "qué nos falta",
    "qué queda", "qué viene ahora", "qué viene después", "qué sigue después de este",
    "y después de este", "cuál sigue", "cuál es el siguiente", "qué sigue", "cuántos minutos son",
    "cuántos minutos dura", "de cuántos minutos es", "ya mero terminamos", "ya mero acabamos",
    "estamos por terminar", "nos falta mucho", "cuánto tiempo falta", "en cuánto terminamos",
    "qué me falta por hacer", "qué queda por hacer"]
SAMPLES["ExplainExerciseIntent"] = [
    *_combine(["qué es", "explícame", "cómo se hace", "en qué consiste", "para qué sirve",
               "para qué es", "cómo hago", "dime qué es", "cuéntame de", "explícame cómo hacer",
               "qué hace", "qué beneficios tiene", "por qué hago", "cómo funciona",
               "qué trabaja", "explica"], ["{Exercise}"]),
    "qué son {Exercise}", "para qué sirven {Exercise}", "cómo se hacen {Exercise}",
    "qué es eso de {Exercise}", "no sé qué es {Exercise}", "no sé hacer {Exercise}",
    "cómo era {Exercise}"]
SAMPLES["OnTrackIntent"] = [
    "voy bien", "voy al día", "cuántos días faltan para la siguiente semana",
    "cuándo paso a la siguiente semana", "me falta mucho para subir de semana", "voy a buen ritmo",
    "voy según el plan", "estoy al día", "estoy al corriente", "voy atrasada", "voy atrasado",
    "me estoy atrasando", "cuándo subo de semana", "cuándo paso de nivel",
    "cuánto falta para la próxima semana del programa", "cuántas sesiones faltan para subir",
    "cuántos días me faltan para avanzar", "cuándo avanzo", "ya puedo pasar a la siguiente semana",
    "estoy cumpliendo", "lo estoy cumpliendo", "voy bien con el programa", "voy por buen camino",
    "sigo el ritmo", "estoy siguiendo el programa", "estoy siendo constante", "soy constante",
    "he cumplido"]

# ------------------------------------------------------------------------- settings

SAMPLES["ChangeSettingIntent"] = [
    "{Change} a partir de ahora", "de ahora en adelante {Change}", "ponlo {Change}",
    "puedes ir {Change}", "prefiero {Change}", "ve {Change}",
    "ve {Change} por favor",
    "vas {Change}", "vas muy {Change}", "vas demasiado {Change}", "va muy {Change}",
    "el ritmo es {Change}", "el ritmo está {Change}", "el ritmo va {Change}",
    "hazlo {Change}", "hazlo {Change} por favor", "hazlas {Change}", "pon {Change}",
    "ponme {Change}", "cambia a {Change}", "cámbialo a {Change}", "cambia el ajuste a {Change}",
    "cambia mis ajustes a {Change}", "configúralo {Change}", "me gustaría {Change}",
    "podrías ir {Change}", "podrías ir un poco {Change}", "puedes ir un poco {Change}",
    "ve un poco {Change}", "mucho {Change}",
    "{Change} de ahora en adelante", "{Change} desde hoy", "{Change} la próxima vez",
    "{Change} hoy", "{Change} si puedes", "hablas {Change}", "me resulta {Change}",
    "se me hace {Change}", "lo prefiero {Change}", "{Change} para mí", "es {Change} para mí",
    "podemos {Change}", "necesito que me {Change}", "{Change} para mi gusto",
    "las pausas son {Change}", "las repeticiones son {Change}", "quiero que vayas {Change}",
    "necesito que vayas {Change}", "el ritmo {Change}", "todo va {Change}", "esto va {Change}",
    "me estás {Change}", "prefiero que sea {Change}",
    "a partir de hoy {Change}"]
SAMPLES["SettingsStatusIntent"] = [
    "cuáles son mis ajustes", "qué ajustes tengo", "dime mis ajustes", "cómo está configurado",
    "cuál es mi configuración", "qué configuración tengo", "dime mi configuración",
    "cómo tengo los ajustes", "a qué ritmo vas", "qué ritmo tengo", "qué velocidad tengo",
    "cuánto duran mis pausas", "cuántas repeticiones tengo", "qué ajustes cambié",
    "qué he cambiado", "qué cambios hice", "cómo lo tengo configurado", "mis ajustes",
    "mi configuración", "repasa mis ajustes", "revisa mis ajustes", "cómo están mis ajustes",
    "tengo los tonos activados", "estás en modo automático", "cómo está la velocidad"]
SAMPLES["ResetSettingsIntent"] = [
    "restablece mis ajustes", "vuelve a los ajustes normales", "ajustes predeterminados",
    "quita mis cambios", "restablece la configuración", "vuelve a la configuración original",
    "configuración de fábrica", "pon los ajustes como estaban", "déjalo como estaba",
    "déjalo todo como al principio", "regresa a lo normal", "vuelve a lo normal",
    "deshaz mis cambios", "borra mis ajustes", "resetea los ajustes", "reinicia los ajustes",
    "ajustes por defecto", "vuelve a los valores por defecto", "quiero los ajustes de siempre",
    "como venía de fábrica", "pon todo normal", "quita todos los cambios",
    "restaura la configuración", "restaura mis ajustes", "vuelve al ritmo normal y todo lo demás",
    "deshaz todos los ajustes"]
SAMPLES["ShortRoutineIntent"] = [
    "solo tengo {Minutes} minutos", "tengo {Minutes} minutos", "nada más tengo {Minutes} minutos",
    "una rutina de {Minutes} minutos", "no tengo mucho tiempo", "una rutina corta",
    "tengo poco tiempo",
    "dispongo de {Minutes} minutos", "solo dispongo de {Minutes} minutos",
    "tengo unos {Minutes} minutos",
    "tengo como {Minutes} minutos", "tengo apenas {Minutes} minutos",
    "hoy solo tengo {Minutes} minutos",
    "hoy tengo {Minutes} minutos", "haz una rutina de {Minutes} minutos",
    "quiero una rutina de {Minutes} minutos", "algo de {Minutes} minutos",
    "hagamos {Minutes} minutos", "solo {Minutes} minutos hoy", "en {Minutes} minutos",
    "me quedan {Minutes} minutos", "cabe en {Minutes} minutos", "una sesión de {Minutes} minutos",
    "una sesión corta", "algo corto", "algo rápido", "una versión corta", "una versión rápida",
    "la versión corta de la rutina", "una rutina rápida", "hoy voy con prisa", "voy con prisa",
    "tengo prisa", "ando con prisa", "ando apurada", "ando apurado", "estoy apurada",
    "estoy apurado", "no me da tiempo", "no tengo tiempo para todo", "hoy no tengo tiempo",
    "hagamos algo cortito", "una rápida", "solo un ratito", "una corta por favor",
    "quiero algo breve", "rutina corta", "rutina exprés", "una exprés", "una cortita",
    "hagamos una corta", "una rutina cortita"]
SAMPLES["JustStretchesIntent"] = [
    "solo los estiramientos", "nada más los estiramientos", "solo estiramientos",
    "quiero estirar nada más",
    "solamente los estiramientos", "hoy solo estiramientos", "solo quiero estirar",
    "solo quiero los estiramientos", "nada más quiero estirar", "solo estirar", "solo estirar hoy",
    "hoy solo quiero estirar", "sin kegels solo estiramientos", "sin los kegels",
    "hoy sin kegels", "salta los kegels y haz los estiramientos", "los estiramientos nada más",
    "nomás los estiramientos", "nomás estirar", "quiero hacer solo los estiramientos",
    "haz solo los estiramientos", "pon solo los estiramientos", "únicamente estiramientos",
    "hoy toca solo estirar", "estiramientos y ya"]
SAMPLES["MakeEasierIntent"] = [
    "hazlo más fácil", "esto es muy difícil", "está muy difícil", "más suave", "no puedo con esto",
    "es demasiado", "es demasiado para mí", "es muy difícil para mí", "está difícil", "muy difícil",
    "demasiado difícil", "hazlo más suave", "más sencillo", "algo más fácil", "algo más suave",
    "una versión más fácil", "una versión más suave", "baja la dificultad", "baja el nivel",
    "bájale un poco", "bájale", "no me sale", "no lo consigo", "no puedo hacerlo",
    "me cuesta mucho",
    "me cuesta demasiado", "es muy intenso", "demasiado intenso", "muy exigente",
    "es mucho para mí",
    "más despacito y más fácil", "quiero algo más fácil", "puedes hacerlo más fácil",
    "puedes bajarle", "necesito algo más suave", "algo menos intenso", "menos intenso",
    "menos exigente", "una opción más fácil", "modifícalo para que sea más fácil",
    "adáptalo para mí", "no llego", "no puedo llegar a esa postura", "no me sale la postura"]

# ------------------------------------------------------------------------- reminders

SAMPLES["SetReminderIntent"] = [
    *_combine(["recuérdame", "recuérdamelo", "avísame", "ponme un recordatorio",
               "pon un recordatorio", "quiero un recordatorio", "me gustaría un recordatorio",
               "crea un recordatorio", "programa un recordatorio", "un recordatorio",
               "recuérdame hacer los ejercicios", "recuérdame practicar",
               "recuérdame hacer la rutina", "recuérdame estirar", "me recuerde"],
              ["todos los días a las {Time}", "cada día a las {Time}", "a las {Time}",
               "diario a las {Time}", "por la {Time}", "en la {Time}", "todas las {Time}",
               "cada {Time}"]),
    "recuérdame todos los días", "recuérdame cada día", "pon un recordatorio diario",
    "quiero un recordatorio diario", "ponme un recordatorio diario", "un recordatorio diario",
    "recordatorio diario", "recordatorio diario por favor", "crea un recordatorio diario",
    "recuérdame hacer mis ejercicios", "recuérdame hacer la rutina", "recuérdame practicar",
    "recuérdame hacer los ejercicios todos los días", "recuérdame practicar cada día",
    "puedes recordarme hacer los ejercicios", "puedes recordarme a las {Time}",
    "me puedes recordar a las {Time}", "me recuerdas a las {Time}", "avísame a las {Time}",
    "recuérdame a la {Time}", "recuérdame mañana a las {Time}", "recuérdamelo a las {Time}",
    "quiero que me recuerdes a las {Time}", "quiero que me recuerdes practicar",
    "quiero que me avises todos los días", "un aviso diario a las {Time}", "avísame cada día",
    "quiero un aviso diario", "pon un aviso diario", "recordatorio a las {Time}",
    "recordatorio para las {Time}", "recordatorio todos los días a las {Time}",
    "todos los días a las {Time}", "cada día a las {Time}"]
SAMPLES["ChangeReminderIntent"] = [
    *_combine(["cambia mi recordatorio", "cambia el recordatorio", "mueve mi recordatorio",
               "mueve el recordatorio", "pasa mi recordatorio", "pasa el recordatorio",
               "cambia la hora del recordatorio", "cambia la hora de mi recordatorio",
               "pon mi recordatorio", "pon el recordatorio", "quiero mi recordatorio",
               "quiero el recordatorio", "cambia mi aviso", "mueve mi aviso"],
              ["a las {Time}", "para las {Time}", "a la {Time}", "a las {Time} mejor",
               "{Shift}", "{By} {Shift}", "{Shift} {By}"]),
    "cambia mi recordatorio", "cambia el recordatorio", "mueve mi recordatorio",
    "cambia la hora del recordatorio", "cambia la hora de mi recordatorio",
    "quiero cambiar mi recordatorio", "quiero cambiar la hora del recordatorio",
    "quiero mover mi recordatorio", "recuérdame {By} {Shift}", "recuérdamelo {By} {Shift}",
    "recuérdamelo {Shift}", "recuérdame {Shift} de lo normal",
    "recuérdame {By} {Shift} de lo normal",
    "avísame {By} {Shift}", "que el recordatorio sea {By} {Shift}",
    "que el recordatorio sea {Shift}", "mejor recuérdame a las {Time}",
    "mejor a las {Time} el recordatorio", "el recordatorio {By} {Shift}",
    "el recordatorio mejor a las {Time}", "{Shift} mi recordatorio {By}",
    "{Shift} el recordatorio {By}", "{Shift} mi recordatorio", "{Shift} el recordatorio",
    "{Shift} el aviso {By}", "muévelo {By} {Shift}", "muévelo {Shift}",
    "pásalo {By} {Shift}", "ponlo {By} {Shift}", "el recordatorio ponlo a las {Time}"]
SAMPLES["ReminderStatusIntent"] = [
    "cuál es mi recordatorio", "a qué hora es mi recordatorio", "tengo algún recordatorio",
    "cuándo suena mi recordatorio", "tengo un recordatorio", "tengo recordatorio",
    "a qué hora me recuerdas", "a qué hora me avisas", "cuándo me recuerdas", "cuándo me avisas",
    "está puesto mi recordatorio", "sigue activo mi recordatorio", "está activo el recordatorio",
    "mi recordatorio sigue", "para cuándo es mi recordatorio", "qué recordatorio tengo",
    "dime mi recordatorio", "a qué hora está el recordatorio", "cómo está mi recordatorio",
    "tengo puesto el recordatorio", "a qué hora quedó el recordatorio", "revisa mi recordatorio",
    "ya tengo recordatorio", "hay algún recordatorio", "cuál es la hora del recordatorio",
    "a qué hora suena el aviso", "tengo un aviso diario"]
SAMPLES["CancelReminderIntent"] = [
    "cancela mi recordatorio", "quita el recordatorio", "borra mi recordatorio",
    "ya no quiero el recordatorio", "cancela el recordatorio", "quita mi recordatorio",
    "borra el recordatorio", "elimina el recordatorio", "elimina mi recordatorio",
    "apaga el recordatorio", "desactiva el recordatorio", "desactiva mi recordatorio",
    "ya no quiero recordatorios", "no quiero más recordatorios", "ya no me recuerdes",
    "deja de recordarme", "deja de avisarme", "no me recuerdes más", "ya no me avises",
    "cancela el recordatorio diario", "quita el recordatorio diario", "cancela los recordatorios",
    "quita los recordatorios", "borra los recordatorios", "sin recordatorio",
    "ya no necesito el recordatorio", "cancela el aviso diario", "quita el aviso",
    "para los recordatorios", "detén los recordatorios"]

# ------------------------------------------------------------------------- slot values

VALUES: dict[str, dict[str, list[str]]] = {
    "ExerciseName": {
        "reverse_kegel": ["kegels inversos", "kegel inverso", "los kegels inversos",
        "el kegel inverso",
                          "los kegels", "kegels", "kegel", "el kegel",
                          "ejercicios de kegel inverso",
                          "relajación del piso pélvico", "la relajación del piso pélvico",
                          "relajación pélvica", "la relajación pélvica", "relajaciones",
                          "las relajaciones",
                          "ejercicio de piso pélvico", "ejercicios de piso pélvico",
                          "los ejercicios de piso pélvico", "el piso pélvico",
                          "soltar el piso pélvico", "respiración pélvica", "kegels al revés",
                          "kegel al revés", "el de piso pélvico", "los de piso pélvico",
                          "el de los kegels"],
        "pigeon": ["estiramiento de paloma", "paloma", "la paloma", "postura de la paloma",
                   "la postura de la paloma", "el estiramiento de paloma",
                   "el estiramiento de la paloma",
                   "estiramiento de la paloma", "media paloma", "la media paloma", "palomas",
                   "la paloma en cuatro", "el de la paloma", "postura de paloma"],
        "butterfly": ["estiramiento de mariposa", "mariposa", "la mariposa",
        "postura de la mariposa",
                      "la postura de la mariposa", "el estiramiento de mariposa",
                      "el estiramiento de la mariposa", "estiramiento de la mariposa",
                      "mariposa sentada", "la mariposa sentada", "el de la mariposa", "mariposas",
                      "postura del zapatero", "el zapatero", "ángulo atado", "postura de mariposa"],
        "seated_hip": ["estiramiento de cadera sentado", "cadera sentado", "estiramiento sentado",
                       "el estiramiento sentado", "el estiramiento de cadera sentado",
                       "estiramiento de cadera en silla", "el de la silla",
                       "estiramiento en silla", "el estiramiento en la silla", "el sentado",
                       "el de sentado", "flexión hacia delante sentada", "la flexión sentada",
                       "apertura de cadera sentada", "estiramiento sentada",
                       "el estiramiento sentada"],
        "bridge": ["puente", "el puente", "puente de glúteos", "el puente de glúteos", "puentes",
                   "los puentes", "puente de cadera", "el puente de cadera", "elevación de cadera",
                   "la elevación de cadera", "elevación de pelvis", "la elevación de pelvis",
                   "subir la cadera", "levantar la cadera", "el de subir la cadera",
                   "puente glúteo", "el puente glúteo"],
        "kneeling_hip_flexor": ["estiramiento del flexor de cadera de rodillas", "flexor de cadera",
                                "el flexor de cadera", "flexores de cadera",
                                "los flexores de cadera",
                                "estiramiento del flexor de cadera",
                                "el estiramiento del flexor de cadera",
                                "psoas", "el psoas", "estiramiento de psoas",
                                "el estiramiento de psoas",
                                "estiramiento del psoas", "el estiramiento del psoas", "zancada",
                                "la zancada", "zancada de rodillas", "la zancada de rodillas",
                                "estocada", "la estocada", "desplante", "el desplante",
                                "el de rodillas", "estiramiento de rodillas",
                                "el estiramiento de rodillas",
                                "iliopsoas", "el iliopsoas"],
        "pigeon_easier": ["estiramiento de paloma boca arriba", "paloma boca arriba",
        "la paloma boca arriba",
                          "paloma acostada", "la paloma acostada", "paloma tumbada",
                          "la paloma tumbada",
                          "paloma fácil", "la paloma fácil", "paloma suave", "la paloma suave",
                          "figura cuatro", "la figura cuatro", "el cuatro", "postura del cuatro",
                          "estiramiento en cuatro acostada", "paloma reclinada",
                          "la paloma reclinada",
                          "el de la figura cuatro"],
    },
    "TimePeriod": {
        "today": ["hoy", "el día de hoy", "hoy hasta ahora", "en el día", "en el día de hoy"],
        "week": ["esta semana", "en la semana", "en esta semana", "en lo que va de semana",
                 "en los últimos siete días", "los últimos siete días", "en la última semana",
                 "esta semana hasta ahora"],
        "month": ["este mes", "en el mes", "en este mes", "en lo que va de mes",
                  "en los últimos treinta días", "en el último mes", "este mes hasta ahora"],
        "all": ["en total", "desde el principio", "en todo este tiempo", "desde que empecé",
                "hasta ahora", "en general", "de siempre", "desde el inicio", "en todo",
                "desde que comencé", "al día de hoy"],
        "yesterday": ["ayer", "el día de ayer", "ayer nada más"],
        "last_week": ["la semana pasada", "la semana anterior", "en la semana pasada",
                      "durante la semana pasada"],
        "last_month": ["el mes pasado", "el mes anterior", "en el mes pasado",
        "durante el mes pasado"],
    },
    "Symptom": {
        "knee": ["rodilla", "la rodilla", "rodillas", "las rodillas", "mi rodilla", "mis rodillas",
                 "la rótula", "rótula", "la rodilla izquierda", "la rodilla derecha",
                 "rodilla izquierda", "rodilla derecha"],
        "back": ["espalda", "la espalda", "la espalda baja", "espalda baja",
                 "la parte baja de la espalda", "la zona lumbar", "lumbar", "las lumbares",
                 "la columna", "columna", "la espalda alta", "mi espalda", "la baja espalda"],
        "hip": ["cadera", "la cadera", "caderas", "las caderas", "mi cadera", "mis caderas",
                "el glúteo", "glúteo", "los glúteos", "glúteos", "la nalga", "las nalgas",
                "la cadera izquierda", "la cadera derecha", "el trasero"],
        "groin": ["ingle", "la ingle", "las ingles", "ingles", "la entrepierna", "entrepierna",
                  "el aductor", "los aductores", "la cara interna del muslo",
                  "la parte de dentro del muslo", "el muslo por dentro"],
        "neck": ["cuello", "el cuello", "la nuca", "nuca", "los hombros", "el hombro",
                 "hombros", "mi cuello"],
        "pelvic": ["pelvis", "la pelvis", "la zona pélvica", "zona pélvica", "el periné",
                   "el perineo", "periné", "el coxis", "coxis", "la rabadilla", "el bajo vientre",
                   "bajo vientre", "la parte baja del vientre", "la vejiga", "ahí abajo",
                   "allá abajo", "la zona íntima", "mis partes", "la vagina", "el pubis"],
        "sex": ["relaciones sexuales", "las relaciones sexuales", "el sexo", "sexo",
                "la penetración", "penetración", "las relaciones", "relaciones", "tener relaciones",
                "hacer el amor", "el acto sexual"],
        "chest": ["pecho", "el pecho", "el corazón", "mi pecho"],
    },
    "SymptomSign": {
        "dizzy": ["mareada", "mareado", "mareo", "un mareo", "mareos", "vértigo", "vértigos",
                  "todo me da vueltas", "que todo da vueltas", "aturdida", "aturdido",
                  "inestable", "que se me va la cabeza"],
        "faint": ["que me desmayo", "que me voy a desmayar", "a punto de desmayarme",
                  "ganas de desmayarme", "desmayo", "un desmayo", "débil", "muy débil",
                  "que me voy a caer redonda", "que pierdo el conocimiento", "me desmayé",
                  "me voy a desmayar"],
        "numbness": ["entumecimiento", "adormecimiento", "hormigueo ahí abajo",
                     "hormigueo en la ingle", "entumida ahí abajo", "dormida la zona íntima",
                     "sin sensibilidad ahí abajo", "no siento nada ahí abajo",
                     "adormecida la entrepierna", "hormigueo entre las piernas",
                     "entumecimiento entre las piernas", "la zona dormida",
                     "entumecido ahí abajo", "entumecida ahí abajo", "no siento la entrepierna",
                     "sin sensibilidad en la entrepierna"],
        "blood": ["sangrado", "sangre", "sangrando", "un poco de sangre", "manchado",
        "manchas de sangre",
                  "sangre en la orina", "sangre al limpiarme",
                  "sangrando un poquito"],
        "leaking": ["pérdidas de orina", "escapes de orina", "un escape de orina", "escapes",
                    "un escape", "pérdidas", "un poco de pérdida", "goteo", "goteo de orina",
                    "se me escapó un poco", "se me sale la orina", "se me escapa la orina",
                    "se me salió un poquito", "fugas de orina", "una fuga", "unas gotitas",
                    "unas gotas", "unas gotitas de orina", "unas gotas de orina"],
        "control": ["incontinencia", "que no controlo la vejiga", "que no controlo el intestino",
                    "perdí el control de la vejiga", "perdí el control del intestino",
                    "que no puedo aguantar", "me hice encima", "me oriné encima",
                    "un accidente", "que se me escapa todo", "no controlo la vejiga",
                    "no controlo el intestino", "no aguanto la orina"],
        "emptying": ["dificultad para orinar", "problemas para orinar", "no puedo orinar",
                     "me cuesta orinar", "no puedo vaciar la vejiga",
                     "dificultad para vaciar la vejiga",
                     "no puedo ir al baño", "me cuesta ir al baño", "no me sale la orina",
                     "me cuesta trabajo orinar", "batallo para orinar", "no consigo orinar",
                     "orinar me cuesta"],
        "fever": ["fiebre", "calentura", "escalofríos", "temperatura", "algo de fiebre",
                  "fiebre alta", "febril", "tiritona"],
        "cramp": ["un calambre", "calambre", "calambres", "un espasmo", "espasmos", "espasmo",
                  "un calambre en la pierna", "un calambre en la pantorrilla",
                  "acalambrada la pierna", "se me acalambró la pierna", "la pierna acalambrada"],
        "tight": ["tirantez", "tensión", "rigidez", "algo tirante", "muy tensa", "muy tenso",
                  "todo tirante", "una sensación de tirón", "que me tira mucho",
                  "una sensación de jalón", "como un pellizco"],
        "chest": ["dolor en el pecho", "opresión en el pecho", "presión en el pecho",
                  "el pecho apretado", "el pecho oprimido", "un dolor en el pecho",
                  "que me aprieta el pecho"],
        "pelvic": ["dolor pélvico", "dolor ahí abajo", "ardor ahí abajo", "molestias ahí abajo",
                   "dolor en la zona íntima", "ardor en la zona íntima", "dolor en el piso pélvico",
                   "quemazón ahí abajo"],
        "sex": ["dolor durante el sexo", "dolor en las relaciones", "dolor al tener relaciones",
                "relaciones dolorosas", "dolor con la penetración"],
        "pain": ["dolor en general", "un dolor agudo", "dolorida", "dolorido", "adolorida",
                 "adolorido", "un dolor punzante", "malestar", "un malestar", "dolores por todo"],
    },
    "SettingChange": {
        "slower": ["más despacio", "más lento", "con más calma", "despacio", "más lenta",
                   "muy rápido", "demasiado rápido", "muy deprisa", "demasiado deprisa",
                   "apurándome", "apresurándome", "apurando", "apresurando",
                   "a un ritmo más lento", "un ritmo más lento",
                   "ritmo más lento", "baja el ritmo", "bájale al ritmo", "más pausado",
                   "más tranquilo",
                   "con calma", "sin prisa", "sin tanta prisa", "más despacito", "despacito",
                   "más tiempo entre ejercicios", "dame más tiempo", "más tiempo",
                   "muy acelerado", "demasiado acelerado", "no me apresures", "sin apurarme",
                   "no tan rápido", "bajar el ritmo", "bajar la velocidad",
                   *_combine(["baja", "reduce", "bájale a", "bájale"], ["la velocidad",
                              "el ritmo"])],
        "faster": ["más rápido", "más deprisa", "más ágil", "más rapidito", "rapidito", "muy lento",
                   "demasiado lento", "muy despacio", "demasiado despacio", "a un ritmo más rápido",
                   "un ritmo más rápido", "ritmo más rápido", "sube el ritmo", "acelera",
                   "acelera el ritmo",
                   "apúrate", "date prisa", "con más ritmo", "más dinámico", "lentísimo",
                   "acelerar", "acelerar un poco", "más velocidad",
                   *_combine(["sube", "aumenta", "súbele a", "súbele"], ["la velocidad",
                              "el ritmo"])],
        "longer_holds": ["sostener más tiempo", "mantener más tiempo", "pausas más largas",
                         "aguantar más", "sostener más", "mantener más", "mantenerlo más tiempo",
                         "sostenerlo más", "más tiempo en cada postura", "estiramientos más largos",
                         "cortas las pausas", "muy cortas las pausas",
                         "muy cortos los estiramientos",
                         "más largo", "más largos", "más larga", "más largas"],
        "shorter_holds": ["sostener menos tiempo", "mantener menos tiempo", "pausas más cortas",
                          "aguantar menos", "sostener menos", "mantener menos",
                          "menos tiempo en cada postura",
                          "estiramientos más cortos", "muy largas las pausas",
                          "demasiado largas las pausas",
                          "muy largos los estiramientos", "más corto", "más cortos", "más corta",
                          "más cortas", "menos tiempo sosteniendo",
                          "no aguanto tanto", "más cortitas", "más cortitos"],
        "more_reps": ["más repeticiones", "más series", "más rondas", "más relajaciones",
                      "más kegels", "unas repeticiones más", "repeticiones extra",
                      "pocas repeticiones",
                      "muy pocas repeticiones", "más veces"],
        "fewer_reps": ["menos repeticiones", "menos series", "menos rondas", "menos relajaciones",
                       "menos kegels", "muchas repeticiones", "demasiadas repeticiones",
                       "demasiadas", "menos veces", "no tantas repeticiones",
                       "tantas series", "demasiadas series"],
        "less_talking": ["habla menos", "menos explicaciones", "menos charla", "menos palabras",
                         "instrucciones más cortas", "instrucciones cortas", "la versión corta",
                         "más breve", "breve", "corto y al grano", "al grano",
                         "sin tanta explicación",
                         "sin tanto rollo", "hablas mucho", "hablas demasiado", "mucho rollo",
                         "demasiada explicación", "menos detalles", "solo lo básico", "callada",
                         "callado", "más callada", "menos plática", "tanta plática",
                         "mucha plática",
                         "demasiada charla", "demasiadas palabras", "explicas demasiado",
                         "explicas mucho", "menos explicación", "menos choro", "menos cháchara",
                         "no hables tanto", "explicas de más"],
        "more_talking": ["más explicaciones", "explicado completo", "más detalles",
        "con más detalle",
                         "más instrucciones", "instrucciones completas", "explica más",
                         "explícame más",
                         "la versión completa", "explicaciones completas", "con todos los detalles",
                         "más guía", "más información", "habla más", "más detallado",
                         "explicación completa", "expliques más", "me expliques mejor"],
        "auto_off": ["no pases solo al siguiente", "espera a que diga siguiente",
        "espérame siempre",
                     "no avances sola", "no avances solo", "no sigas sin mí", "no pases sin mí",
                     "espera a que yo diga", "modo manual", "manual", "sin avance automático",
                     "que no avance solo", "que me esperes", "déjame decir cuándo",
                     "solo avanza cuando te diga", "no cambies solo de ejercicio",
                     "automático desactivado", "sin automático", "no sigas sola",
                     "no sigas solo", "no sigas por tu cuenta", "espera a que te avise",
                     "hasta que te diga", "hasta que yo te diga", "yo te digo cuándo",
                     "yo te aviso cuándo seguir"],
        "auto_on": ["pasa solo al siguiente", "avanza sola", "avanza solo", "sigue sola",
        "sigue solo",
                    "modo automático", "automático", "avance automático", "pasa automáticamente",
                    "que avance solo", "no me esperes", "sigue sin esperarme", "continúa sola",
                    "continúa solo", "pasa sin que te diga", "automático activado",
                    "avanza automáticamente", "automáticamente", "cambia de ejercicio sola",
                    "cambia de ejercicio solo"],
        "tones_on": ["con tonos", "con sonidos", "tonos", "los tonos", "sonidos", "los sonidos",
                     "pitidos", "los pitidos", "campanitas", "las campanitas", "un tono",
                     "un sonido", "tonos en vez de palabras", "sonidos en vez de palabras",
                     "un tono en cada relajación", "un sonido por cada relajación",
                     "avisos sonoros",
                     "con pitidos", "con campanitas", "los tonos activados", "activa los tonos",
                     "quiero tonos",
                     *_combine(["pon", "activa", "enciende"],
                               ["los tonos", "los sonidos", "los pitidos", "las campanitas"])],
        "tones_off": ["sin tonos", "sin sonidos", "sin pitidos", "sin campanitas",
        "apaga los tonos",
                      "quita los tonos", "quita los sonidos", "los tonos desactivados",
                      "palabras en vez de tonos", "no más tonos", "no más pitidos",
                      "nada de tonos", "nada de sonidos", "sin avisos sonoros",
                      "no quiero sonidos",
                      "no quiero tonos", "no quiero pitidos", "fuera los pitidos",
                      *_combine(["quita", "apaga", "desactiva"],
                                ["los tonos", "los sonidos", "los pitidos", "las campanitas"])],
    },
    "ReminderShift": {
        "later": ["más tarde", "después", "un poco más tarde", "más tardecito", "para más tarde",
                  "más tarde por favor", "atrasa", "retrasa", "pospón"],
        "earlier": ["más temprano", "antes", "un poco antes", "más tempranito", "para antes",
                    "más temprano por favor", "un poco más temprano", "adelanta"],
    },
}

PROMPTS = {"Elicit.Slot.ShortRoutineIntent.Minutes": "¿Cuántos minutos tienes?",
           "Elicit.Slot.SetReminderIntent.Time": "¿A qué hora cada día?"}

# What the dialog model hears while it asks for the minutes or the reminder's time.
SLOT_SAMPLES: dict[tuple[str, str], list[str]] = {
    ("ShortRoutineIntent", "Minutes"): [
        "{Minutes}", "{Minutes} minutos", "unos {Minutes} minutos", "como {Minutes} minutos",
        "{Minutes} por favor", "{Minutes} minutos por favor", "solo {Minutes}",
        "nada más {Minutes}",
        "tengo {Minutes}", "{Minutes} minutitos", "más o menos {Minutes} minutos", "unos {Minutes}",
        "como {Minutes}", "apenas {Minutes}", "solo {Minutes} minutos",
        "nada más {Minutes} minutos",
        "pon {Minutes}", "dame {Minutes}", "hagamos {Minutes}", "digamos {Minutes}",
        "tal vez {Minutes}", "quizás {Minutes} minutos"],
    ("SetReminderIntent", "Time"): [
        "{Time}", "a las {Time}", "a la {Time}", "{Time} por favor", "a las {Time} por favor",
        "todas las {Time}", "cada {Time}", "todas las {Time} por favor",
        "todos los días a las {Time}", "cada día a las {Time}", "por la {Time}", "en la {Time}",
        "a eso de las {Time}", "sobre las {Time}", "como a las {Time}", "ponlo a las {Time}",
        "diario a las {Time}", "las {Time}", "mejor a las {Time}", "digamos a las {Time}",
        "qué tal a las {Time}", "a las {Time} está bien", "a las {Time} todos los días"],
}

# ------------------------------------------------------------------------- regional words

_MEXICO_SAMPLES: dict[str, list[str]] = {
    "AMAZON.NextIntent": ["pásale", "ándale", "ya quedó", "ya estuvo",
                          "órale el siguiente", "sale el siguiente", "dale al siguiente",
                          "ya estoy acostadita", "listo ya quedó"],
    "AMAZON.YesIntent": ["órale", "sale", "va", "sí va", "ándale sí", "simón", "sale pues",
                         "claro que sí mija", "sí porfa", "ok va", "órale pues", "está bueno"],
    "AMAZON.NoIntent": ["ahorita no", "nel", "no ahorita no", "ahorita no gracias",
                        "no fíjate que no", "para nada no", "no pues no"],
    "AMAZON.RepeatIntent": ["mande", "mande usted", "cómo dice", "qué dijo", "no le entendí"],
    "WaitIntent": ["espérame tantito", "un tantito", "tantito", "dame chancita",
                   "aguántame tantito", "ahorita regreso", "ahorita vengo", "dame un chance",
                   "espérame un segundito"],
    "DoneForTodayIntent": ["ahí le dejamos", "ahí la dejamos", "ya estuvo por hoy",
                           "gracias ahí nos vemos", "órale gracias", "gracias mija", "ahí muere"],
    "FeelingGoodIntent": ["bien padre", "muy padre", "chido", "bien chido", "súper padre",
                          "estuvo chido", "me sentí muy padre", "a todo dar", "de pelos"],
    "ShortRoutineIntent": ["ando bien apurada", "ando bien apurado", "ando con el tiempo encima",
                           "nomás tengo {Minutes} minutos", "nomás tengo un ratito"],
    "StartRoutineIntent": ["órale vamos a darle", "ándale empecemos", "vámonos con la rutina",
                           "échale con la rutina"],
    "AMAZON.FallbackIntent": ["ponme una rola", "qué onda", "estoy en la recámara",
                              "estoy en el súper", "estoy crudo", "estoy cruda",
                              "qué padre día", "me voy a echar una siesta", "ando chambeando",
                              "estoy chambeando", "échame la alarma a las seis"],
    "ReportPainIntent": ["me punza", "me está punzando", "me duele un montón"],
}
_SPAIN_SAMPLES: dict[str, list[str]] = {
    "AMAZON.NextIntent": ["venga el siguiente", "vale ya está", "ya lo tengo",
                          "ya estoy tumbada", "ya estoy tumbado", "vale siguiente",
                          "venga siguiente"],
    "AMAZON.YesIntent": ["vale", "venga", "venga vale", "vale vale", "sí venga", "venga sí",
                         "vale perfecto", "claro que sí venga", "por supuesto que sí",
                         "hecho vale"],
    "AMAZON.NoIntent": ["ahora mismo no", "qué va", "que no", "no qué va", "ni de coña",
                        "de momento no gracias", "paso"],
    "AMAZON.RepeatIntent": ["perdona qué", "cómo dices", "qué dices", "no te he oído",
                            "no te he entendido", "repítemelo porfa"],
    "WaitIntent": ["espera un momentito", "un momentito por favor", "dame un segundo porfa",
                   "espera que me tumbo", "espera que voy al servicio", "vuelvo en nada",
                   "espera un pelín"],
    "DoneForTodayIntent": ["venga hasta mañana", "vale gracias", "venga gracias",
                           "ya está por hoy", "lo dejamos por hoy", "hasta luego gracias",
                           "gracias majo", "gracias maja"],
    "FeelingGoodIntent": ["guay", "muy guay", "genial gracias", "me ha sentado genial",
                          "de lujo gracias", "fenomenal", "me ha gustado", "me ha ido bien",
                          "me ha sentado bien", "estupendamente", "me mola"],
    "ShortRoutineIntent": ["voy fatal de tiempo", "voy con prisas", "voy pillada de tiempo",
                           "voy pillado de tiempo", "solo tengo un ratito"],
    "StartRoutineIntent": ["venga empezamos", "venga vamos con la rutina", "vamos allá",
                           "venga a por ello"],
    "AMAZON.FallbackIntent": ["ponme una canción", "estoy en el salón", "estoy en el dormitorio",
                              "estoy en el curro", "qué tal tío", "estoy hecha polvo",
                              "estoy hecho polvo", "estoy reventada", "estoy reventado",
                              "me voy a echar la siesta", "qué día más bueno hace"],
    "ReportPainIntent": ["me da pinchazos", "me ha dado un tirón", "me ha dado un pinchazo"],
}
REGIONAL_SAMPLES: dict[str, dict[str, list[str]]] = {
    "es-US": _MEXICO_SAMPLES, "es-MX": _MEXICO_SAMPLES, "es-ES": _SPAIN_SAMPLES}

_MEXICO_SYNONYMS: dict[str, dict[str, list[str]]] = {
    "Symptom": {"hip": ["las pompas", "las pompis", "las sentaderas"], "back": ["la cintura"],
                "pelvic": ["el piso pélvico"]},
    "ExerciseName": {"reverse_kegel": ["los kegels de piso pélvico"]},
    "SymptomSign": {"emptying": ["no puedo hacer pipí", "me cuesta hacer pipí"],
                    "leaking": ["se me sale la pipí", "se me escapa la pipí"],
                    "cramp": ["un jalón de pierna"]},
}
_SPAIN_SYNONYMS: dict[str, dict[str, list[str]]] = {
    "Symptom": {"hip": ["el culo", "el pompis"], "back": ["los riñones", "las lumbares de abajo"],
                "neck": ["las cervicales"], "pelvic": ["el suelo pélvico"]},
    "ExerciseName": {"reverse_kegel": ["relajación del suelo pélvico",
    "la relajación del suelo pélvico",
                                       "ejercicios de suelo pélvico", "el suelo pélvico",
                                       "soltar el suelo pélvico"],
                     "pigeon_easier": ["la paloma tumbada boca arriba"]},
    "SymptomSign": {"emptying": ["no puedo hacer pis", "me cuesta hacer pis"],
                    "leaking": ["se me escapa el pis", "pérdidas de pis"],
                    "cramp": ["una rampa", "rampas"]},
}
REGIONAL_SYNONYMS: dict[str, dict[str, dict[str, list[str]]]] = {
    "es-US": _MEXICO_SYNONYMS, "es-MX": _MEXICO_SYNONYMS, "es-ES": _SPAIN_SYNONYMS}


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(w.split()) for w in words))


def _check(lm: Mapping[str, Any]) -> None:
    """Refuse a sample in two intents, or a slot phrase in two values of its type."""
    owner: dict[str, str] = {}
    for intent in lm["intents"]:
        for sample in intent["samples"]:
            previous = owner.setdefault(sample, intent["name"])
            if previous != intent["name"]:
                raise ValueError(f"{sample!r} is in {previous} and {intent['name']}")
    for slot_type in lm["types"]:
        used: dict[str, str] = {}
        for value in slot_type["values"]:
            for phrase in (value["name"]["value"], *value["name"]["synonyms"]):
                previous = used.setdefault(phrase, value["id"])
                if previous != value["id"]:
                    raise ValueError(
                        f"{slot_type['name']}: {phrase!r} is {previous} and {value['id']}")


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
    _check(lm)
    return result


def models() -> dict[str, dict[str, Any]]:
    return {locale: model(locale) for locale in LOCALES}
