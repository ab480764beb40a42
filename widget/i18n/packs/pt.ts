import type { FormTexts } from '../../form/i18n/en';
import type { CardTexts } from '../en';

// Portuguese: sent with the widget config to pages in this language.

/** The card's and the launcher's texts in Portuguese. */
export const card: CardTexts = {
  cardHeading: 'Atendimento online',
  cardFallbackName: 'Nossa equipe de vendas',
  available: 'Online agora',
  away: 'Ausente, responde por e-mail',
  repliesWithin: 'Costuma responder em até {hours} horas',
  backAt: 'Volta {when} (seu horário)',
  leaveMessage: 'Deixar mensagem',
  contactNow: 'Falar agora',
  launcher: 'Fale conosco',
  formFailed: 'Não foi possível carregar o formulário. Verifique sua conexão e tente novamente.',
};

/** The form's texts in Portuguese. */
export const form: FormTexts = {
  fallbackRecipient: 'nossa equipe de vendas',
  formTitle: 'Enviar uma consulta para {name}',
  formTitleNoName: 'Enviar uma consulta',
  close: 'Fechar',
  requiredNote: 'Os campos marcados com * são obrigatórios.',
  name: 'Seu nome',
  email: 'E-mail',
  company: 'Empresa',
  country: 'País',
  phone: 'Telefone / WhatsApp',
  product: 'Produto',
  sku: 'SKU {sku}',
  removeProduct: 'Remover produto',
  products: 'Produtos',
  basket: 'Cesta de cotação ({count})',
  basketAdded: 'Adicionado à sua cesta de cotação: {name}',
  quantity: 'Quantidade',
  unit: 'Unidade',
  message: 'Mensagem',
  messageHint:
    'Informe as especificações, a quantidade, o preço-alvo e as condições de entrega de que precisa.',
  attachments: 'Anexos',
  attachmentsHint: 'Até {max} arquivos de {size} MB cada: imagens, PDF, Word ou Excel.',
  removeFile: 'Remover arquivo',
  'invalid.fileType': '{name}: só é possível enviar imagens e arquivos PDF, Word e Excel.',
  'invalid.fileSize': '{name} tem mais de {size} MB.',
  'invalid.fileCount': 'Escolha no máximo {max} arquivos.',
  charCount: '{count} / {max} caracteres',
  quickQuestions: 'Perguntas rápidas',
  'quick.price': 'Preço',
  'quick.sample': 'Amostra',
  'quick.moq': 'Pedido mínimo',
  'quick.delivery': 'Prazo de entrega',
  'quick.agent': 'Ser representante',
  'ask.price': 'Qual é o seu melhor preço para esta quantidade?',
  'ask.sample': 'Podem enviar uma amostra primeiro?',
  'ask.moq': 'Qual é a quantidade mínima de pedido?',
  'ask.delivery': 'Qual é o prazo de entrega?',
  'ask.agent': 'Tenho interesse em ser seu representante no meu país.',
  whatsapp: 'Conversar no WhatsApp',
  newTab: '(abre numa nova aba)',
  send: 'Enviar consulta',
  sending: 'Enviando…',
  consent: 'Ao enviar, você concorda que {site} armazene seus dados para responder à sua consulta.',
  consentNoName:
    'Ao enviar, você concorda que armazenemos seus dados para responder à sua consulta.',
  summaryOne: 'Corrija 1 campo.',
  summaryMany: 'Corrija {count} campos.',
  'invalid.email': 'Informe um endereço de e-mail válido.',
  'invalid.messageShort':
    'Escreva pelo menos {min} caracteres para que o vendedor possa responder bem.',
  'invalid.messageLong': 'A mensagem deve ter menos de {max} caracteres.',
  'invalid.quantity': 'Informe uma quantidade maior que 0.',
  'invalid.quantityLarge': 'Informe uma quantidade menor.',
  'invalid.tooLong': 'Reduza para {max} caracteres.',
  'invalid.product': 'Este produto não pode ser anexado. Remova-o e cite o produto na mensagem.',
  'invalid.other': 'Verifique este campo.',
  sentTitle: 'Sua consulta foi enviada para {name}',
  sentReply: 'A resposta costuma chegar por e-mail em {email}.',
  viewConversation: 'Ver conversa',
  tryAgain: 'Tentar novamente',
  savedOffline:
    'Sem conexão no momento. Sua consulta foi salva neste dispositivo e será enviada automaticamente.',
  threadTitle: 'Sua conversa com {name}',
  threadTitleNoName: 'Sua conversa',
  backToConversation: 'Voltar à sua conversa',
  newInquiry: 'Nova consulta',
  about: 'Assunto: {products}',
  messages: 'Mensagens',
  you: 'Você',
  update: 'Aviso',
  loadingThread: 'Carregando sua conversa…',
  newReply: 'Nova resposta de {name}',
  newReplies: '{count} novas respostas de {name}',
  reply: 'Sua resposta',
  replyHint: 'Sua resposta também chega a {name} por e-mail.',
  sendReply: 'Enviar',
  'invalid.replyEmpty': 'Escreva sua resposta primeiro.',
  'error.VALIDATION_FAILED': 'Alguns dados não foram aceitos. Verifique o formulário.',
  'error.PAYLOAD_TOO_LARGE': 'Sua consulta é grande demais para ser enviada. Encurte a mensagem.',
  'error.SITE_NOT_FOUND':
    'Este formulário de contato ainda não está configurado. Fale com a empresa por e-mail ou telefone.',
  'error.ORIGIN_NOT_ALLOWED':
    'Este formulário de contato ainda não está configurado. Fale com a empresa por e-mail ou telefone.',
  'error.NOT_FOUND':
    'Este formulário de contato ainda não está configurado. Fale com a empresa por e-mail.',
  'error.CONVERSATION_NOT_FOUND':
    'Esta conversa não está mais disponível. Envie uma nova consulta.',
  'error.TOO_MANY_ATTEMPTS': 'Muitas tentativas. Aguarde alguns minutos e tente novamente.',
  'error.PROOF_OF_WORK_REQUIRED':
    'Não foi possível enviar sua consulta agora. Sua mensagem continua aqui: tente novamente em um minuto.',
  'error.INTERNAL':
    'Algo deu errado do nosso lado. Sua mensagem continua aqui: tente novamente em instantes.',
  'error.NETWORK':
    'Não foi possível conectar ao servidor. Sua mensagem continua aqui: verifique sua conexão e tente novamente.',
};
