// Spanish messages of the bot's settings, the same ids and placeholders as en.bot.ts.
import type { enBot } from './en.bot';

export const esBot: Record<keyof typeof enBot, string> = {
  'bot.title': 'Mensajes del bot',
  'bot.lead':
    'Lo que el bot de WhatsApp dice a las personas, por idioma. Cada persona recibe el idioma de su contacto si un agente lo indicó y, si no, el idioma predeterminado.',
  'bot.defaultLanguage': 'Idioma predeterminado',
  'bot.editLanguage': 'Textos en',
  'bot.count': '{count, number} / {max, number} caracteres',
  'bot.keep': 'conserva {placeholders}',
  'bot.restore': 'Usar el texto predeterminado',
  'bot.save': 'Guardar mensajes del bot',
  'bot.key.greeting': 'Saludo (sobre el menú)',
  'bot.key.menuButton': 'Botón del menú',
  'bot.key.chatSupportTitle': 'Soporte por chat en el menú',
  'bot.key.chatSupportDescription': 'Descripción del soporte por chat',
  'bot.key.chatSupportPrompt': 'Al elegir soporte por chat',
  'bot.key.ticketOpened': 'Confirmación del ticket',
  'bot.key.tooManyTickets': 'Demasiados tickets en una hora',
  'bot.key.closing': 'Mensaje de cierre',
  'bot.key.survey': 'Encuesta de satisfacción',
  'bot.key.surveyGood': 'Encuesta: botón bueno',
  'bot.key.surveyOkay': 'Encuesta: botón regular',
  'bot.key.surveyBad': 'Encuesta: botón malo',
  'bot.key.askForComment': 'Tras una valoración',
  'bot.key.thanksForComment': 'Tras un comentario',
  'bot.key.afterHours': 'Fuera de horario',
  'bot.key.afterHoursNoOpening': 'Fuera de horario, sin apertura prevista',
};
