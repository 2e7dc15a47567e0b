/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MySessions {\n    mySessions { id createdAt lastUsedAt userAgent ipAddress current }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions\n  }\n": typeof types.RevokeOtherSessionsDocument,
    "\n  mutation ResetPassword($code: String!, $newPassword: String!) {\n    resetPassword(code: $code, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query AgentAccounts {\n    me { id }\n    admins(includeDeactivated: true) { id name email role active }\n  }\n": typeof types.AgentAccountsDocument,
    "\n  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) {\n    updateAgent(id: $id, input: $input) { id name email role active }\n  }\n": typeof types.UpdateAgentDocument,
    "\n  mutation DeactivateAgent($id: ID!) {\n    deactivateAgent(id: $id) { id name email role active }\n  }\n": typeof types.DeactivateAgentDocument,
    "\n  mutation ReactivateAgent($id: ID!) {\n    reactivateAgent(id: $id) { id name email role active }\n  }\n": typeof types.ReactivateAgentDocument,
    "\n  mutation CreatePasswordReset($id: ID!) {\n    createPasswordReset(id: $id) { code expiresAt admin { id name } }\n  }\n": typeof types.CreatePasswordResetDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      admin { id name }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  fragment CannedResponseFields on CannedResponse {\n    id shortcode title body viewerCanEdit updatedAt\n    author { id name }\n  }\n": typeof types.CannedResponseFieldsFragmentDoc,
    "\n  query CannedResponses($search: String, $first: Int) {\n    cannedResponses(search: $search, first: $first) { ...CannedResponseFields }\n  }\n": typeof types.CannedResponsesDocument,
    "\n  subscription CannedResponseChanged {\n    cannedResponseChanged { change id cannedResponse { ...CannedResponseFields } }\n  }\n": typeof types.CannedResponseChangedDocument,
    "\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) { ...CannedResponseFields }\n  }\n": typeof types.CreateCannedResponseDocument,
    "\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) { ...CannedResponseFields }\n  }\n": typeof types.UpdateCannedResponseDocument,
    "\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n": typeof types.DeleteCannedResponseDocument,
    "\n  query ContactList($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node { phoneNumber name username lastContactAt ticketCount openTicket { id status } }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.ContactListDocument,
    "\n  query ContactPage($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ContactPageDocument,
    "\n  subscription ContactTicketCreated {\n    ticketCreated { id phoneNumber }\n  }\n": typeof types.ContactTicketCreatedDocument,
    "\n  query TicketContactPanel($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n            labels { id name color }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.TicketContactPanelDocument,
    "\n  query ContactTicketThread($id: ID!, $before: String) {\n    ticket(id: $id) {\n      id\n      messages(last: 100, before: $before) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n": typeof types.ContactTicketThreadDocument,
    "\n  fragment ContactFields on Contact {\n    phoneNumber whatsappUserId username name studentId notes notesUpdatedAt notesRevision lastInboundAt createdAt\n    notesUpdatedBy { id name }\n  }\n": typeof types.ContactFieldsFragmentDoc,
    "\n  mutation UpdateContact($phoneNumber: String!, $input: UpdateContactInput!) {\n    updateContact(phoneNumber: $phoneNumber, input: $input) { ...ContactFields }\n  }\n": typeof types.UpdateContactDocument,
    "\n  subscription ContactUpdated($phoneNumber: String!) {\n    contactUpdated(phoneNumber: $phoneNumber) { ...ContactFields }\n  }\n": typeof types.ContactUpdatedDocument,
    "\n  mutation KeyboardAssign($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n": typeof types.KeyboardAssignDocument,
    "\n  mutation KeyboardPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority sla { state firstResponseDueAt resolutionDueAt } }\n  }\n": typeof types.KeyboardPriorityDocument,
    "\n  mutation KeyboardSnooze($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n": typeof types.KeyboardSnoozeDocument,
    "\n  query KeyboardTicketLabels($id: ID!) {\n    ticket(id: $id) { id labels { id name color } }\n  }\n": typeof types.KeyboardTicketLabelsDocument,
    "\n  query Labels {\n    labels { id name color ticketCount }\n  }\n": typeof types.LabelsDocument,
    "\n  subscription LabelChanged {\n    labelChanged { change id label { id name color ticketCount } }\n  }\n": typeof types.LabelChangedDocument,
    "\n  mutation AddLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    addLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n": typeof types.AddLabelsDocument,
    "\n  mutation RemoveLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    removeLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n": typeof types.RemoveLabelsDocument,
    "\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) { id name color ticketCount }\n  }\n": typeof types.CreateLabelDocument,
    "\n  mutation UpdateLabel($id: ID!, $input: UpdateLabelInput!) {\n    updateLabel(id: $id, input: $input) { id name color ticketCount }\n  }\n": typeof types.UpdateLabelDocument,
    "\n  mutation DeleteLabel($id: ID!) {\n    deleteLabel(id: $id)\n  }\n": typeof types.DeleteLabelDocument,
    "\n  query Header {\n    me { id name role available }\n    notifications { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints }\n  }\n": typeof types.HeaderDocument,
    "\n  subscription NotificationsChanged {\n    notificationsChanged { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints assignedToMe unreadMentions }\n  }\n": typeof types.NotificationsChangedDocument,
    "\n  subscription NewTicketAlert {\n    ticketCreated { id senderName phoneNumber username issueDescription }\n  }\n": typeof types.NewTicketAlertDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": typeof types.SignOutDocument,
    "\n  query Mentions {\n    mentions(first: 50) {\n      id read createdAt\n      author { id name }\n      message { id body }\n      ticket { id senderName phoneNumber username }\n    }\n  }\n": typeof types.MentionsDocument,
    "\n  mutation MarkMentionsRead($ticketId: ID!) {\n    markMentionsRead(ticketId: $ticketId)\n  }\n": typeof types.MarkMentionsReadDocument,
    "\n  query MentionAgents {\n    me { id }\n    admins { id name }\n  }\n": typeof types.MentionAgentsDocument,
    "\n  query PaletteTickets($search: String!) {\n    tickets(filter: { search: $search }, first: 8) {\n      edges { node { id status phoneNumber username senderName issueDescription } }\n    }\n  }\n": typeof types.PaletteTicketsDocument,
    "\n  query PaletteTicketByNumber($id: ID!) {\n    ticket(id: $id) { id status phoneNumber username senderName issueDescription }\n  }\n": typeof types.PaletteTicketByNumberDocument,
    "\n  query PaletteContacts($search: String!) {\n    contacts(search: $search, first: 5) {\n      edges { node { phoneNumber username name ticketCount } }\n    }\n  }\n": typeof types.PaletteContactsDocument,
    "\n  query PaletteCannedResponses($search: String) {\n    cannedResponses(search: $search, first: 5) { id shortcode title body }\n  }\n": typeof types.PaletteCannedResponsesDocument,
    "\n  query ParkedElements($after: String) {\n    inboundFailures(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind whatsappId sender field errorCode errorMessage attempts receivedAt lastFailedAt rawJson } }\n    }\n  }\n": typeof types.ParkedElementsDocument,
    "\n  subscription ParkedCountChanged {\n    notificationsChanged { parkedElements }\n  }\n": typeof types.ParkedCountChangedDocument,
    "\n  mutation RetryParkedElement($id: ID!) {\n    retryInboundFailure(id: $id) { id state errorCode errorMessage attempts lastFailedAt }\n  }\n": typeof types.RetryParkedElementDocument,
    "\n  mutation DismissParkedElement($id: ID!) {\n    dismissInboundFailure(id: $id) { id state }\n  }\n": typeof types.DismissParkedElementDocument,
    "\n  fragment DeskReportFields on DeskReport {\n    from to timeZone hours opened resolved backlogAtStart backlogAtEnd generatedAt\n    firstResponse { count medianSeconds p90Seconds averageSeconds }\n    resolution { count medianSeconds p90Seconds averageSeconds }\n    satisfaction { good okay bad responses }\n    days { date opened resolved backlog }\n    agents {\n      agent { id name }\n      opened resolved backlog\n      firstResponse { count medianSeconds p90Seconds }\n      resolution { count medianSeconds p90Seconds }\n      satisfaction { good okay bad responses }\n    }\n  }\n": typeof types.DeskReportFieldsFragmentDoc,
    "\n  query DeskReport($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n": typeof types.DeskReportDocument,
    "\n  subscription DeskReportLive($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n": typeof types.DeskReportLiveDocument,
    "\n  query DefaultClosingMessage {\n    defaultClosingMessage\n  }\n": typeof types.DefaultClosingMessageDocument,
    "\n  mutation ResolveTicket($ticketId: ID!, $message: String, $sendClosingMessage: Boolean) {\n    closeTicket(ticketId: $ticketId, message: $message, sendClosingMessage: $sendClosingMessage) { id status resolvedAt }\n  }\n": typeof types.ResolveTicketDocument,
    "\n  fragment RoutingFields on RoutingSettings {\n    mode defaultCapacity maxCapacity waitingTickets\n    agents { agent { id name email role } available capacity capacityOverride activeTickets }\n  }\n": typeof types.RoutingFieldsFragmentDoc,
    "\n  query Routing {\n    routing {\n      ...RoutingFields\n    }\n  }\n": typeof types.RoutingDocument,
    "\n  subscription RoutingChanged {\n    routingChanged {\n      ...RoutingFields\n    }\n  }\n": typeof types.RoutingChangedDocument,
    "\n  mutation UpdateRouting($input: RoutingSettingsInput!) {\n    updateRouting(input: $input) {\n      ...RoutingFields\n    }\n  }\n": typeof types.UpdateRoutingDocument,
    "\n  mutation SetAgentCapacity($adminId: ID!, $capacity: Int) {\n    setAgentCapacity(adminId: $adminId, capacity: $capacity) { agent { id } capacity capacityOverride activeTickets }\n  }\n": typeof types.SetAgentCapacityDocument,
    "\n  mutation SetAvailability($available: Boolean!) {\n    setAvailability(available: $available) { id available }\n  }\n": typeof types.SetAvailabilityDocument,
    "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) { id name email role active }\n  }\n": typeof types.CreateAgentDocument,
    "\n  query BotMessages {\n    botMessages { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n": typeof types.BotMessagesDocument,
    "\n  mutation SetBotMessages($input: BotMessagesInput!) {\n    setBotMessages(input: $input) { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n": typeof types.SetBotMessagesDocument,
    "\n  query Settings {\n    apiTokens { id name scopes createdAt expiresAt revokedAt }\n  }\n": typeof types.SettingsDocument,
    "\n  mutation CreateApiToken($name: String!, $scopes: [ApiScope!]!) {\n    createApiToken(name: $name, scopes: $scopes) { token apiToken { id name scopes createdAt expiresAt revokedAt } }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query DeskSettings {\n    businessHours { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n    slaPolicy { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n": typeof types.DeskSettingsDocument,
    "\n  mutation SetBusinessHours($input: BusinessHoursInput!) {\n    setBusinessHours(input: $input) { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n  }\n": typeof types.SetBusinessHoursDocument,
    "\n  mutation SetSlaPolicy($input: SlaPolicyInput!) {\n    setSlaPolicy(input: $input) { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n": typeof types.SetSlaPolicyDocument,
    "\n  query SimulatorPhone($phoneNumber: String!) {\n    simulatorPhone(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n  fragment SimulatorPhoneFields on SimulatorPhone {\n    phoneNumber name typing\n    messages { id fromPerson text button status sentAt choices { id title description } }\n  }\n": typeof types.SimulatorPhoneDocument,
    "\n  subscription SimulatorPhoneUpdated($phoneNumber: String!) {\n    simulatorPhoneUpdated(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n": typeof types.SimulatorPhoneUpdatedDocument,
    "\n  mutation SimulatorSend($phoneNumber: String!, $name: String, $text: String, $choiceId: String, $choiceTitle: String) {\n    simulatorSend(phoneNumber: $phoneNumber, name: $name, text: $text, choiceId: $choiceId, choiceTitle: $choiceTitle) { id }\n  }\n": typeof types.SimulatorSendDocument,
    "\n  query SimulatorOn {\n    simulatorPhones { phoneNumber }\n  }\n": typeof types.SimulatorOnDocument,
    "\n  query MessageTemplates {\n    messageTemplates { id name languageCode body parameterCount }\n  }\n": typeof types.MessageTemplatesDocument,
    "\n  mutation CreateMessageTemplate($input: CreateMessageTemplateInput!) {\n    createMessageTemplate(input: $input) { id name languageCode body parameterCount }\n  }\n": typeof types.CreateMessageTemplateDocument,
    "\n  mutation DeleteMessageTemplate($id: ID!) {\n    deleteMessageTemplate(id: $id)\n  }\n": typeof types.DeleteMessageTemplateDocument,
    "\n  mutation SendTemplate($ticketId: ID!, $templateId: ID!, $parameters: [String!]!) {\n    sendTemplate(ticketId: $ticketId, templateId: $templateId, parameters: $parameters) { ...MessageFields }\n  }\n": typeof types.SendTemplateDocument,
    "\n  query DeskTicketCount {\n    tickets(first: 1) { totalCount }\n  }\n": typeof types.DeskTicketCountDocument,
    "\n  query SimilarTickets($id: ID!) {\n    ticket(id: $id) {\n      id\n      similarTickets(first: 3) {\n        score\n        ticket { id issueDescription senderName status resolvedAt }\n        resolvingReply { id body senderName }\n      }\n    }\n  }\n": typeof types.SimilarTicketsDocument,
    "\n  mutation SnoozeTicket($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n": typeof types.SnoozeTicketDocument,
    "\n  mutation UnsnoozeTicket($ticketId: ID!) {\n    unsnoozeTicket(ticketId: $ticketId) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n": typeof types.UnsnoozeTicketDocument,
    "\n  mutation AssignTicket($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n": typeof types.AssignTicketDocument,
    "\n  mutation SetPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority }\n  }\n": typeof types.SetPriorityDocument,
    "\n  mutation SetStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) { id status resolvedAt }\n  }\n": typeof types.SetStatusDocument,
    "\n  mutation ReopenTicket($ticketId: ID!) {\n    reopenTicket(ticketId: $ticketId) { id status resolvedAt }\n  }\n": typeof types.ReopenTicketDocument,
    "\n  mutation SendReply($ticketId: ID!, $body: String!, $typingSince: DateTime, $attachmentId: ID) {\n    sendMessage(ticketId: $ticketId, body: $body, typingSince: $typingSince, attachmentId: $attachmentId) { ...MessageFields }\n  }\n": typeof types.SendReplyDocument,
    "\n  mutation AddNote($ticketId: ID!, $body: String!) {\n    addNote(ticketId: $ticketId, body: $body) { ...MessageFields }\n  }\n": typeof types.AddNoteDocument,
    "\n  query TicketList(\n    $filter: TicketFilter\n    $orderBy: TicketOrder\n    $first: Int\n    $after: String\n    $search: String!\n    $searching: Boolean!\n  ) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          ...TicketFields\n          phoneNumber username senderName issueDescription createdAt\n          preview { id body senderType senderName author { id } }\n          searchSnippet(search: $search) @include(if: $searching) { text match }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.TicketListDocument,
    "\n  subscription TicketListCreated {\n    ticketCreated { id }\n  }\n": typeof types.TicketListCreatedDocument,
    "\n  subscription TicketListUpdated {\n    ticketUpdated { ...TicketFields }\n  }\n": typeof types.TicketListUpdatedDocument,
    "\n  query Agents {\n    me { id name role }\n    admins { id name }\n  }\n": typeof types.AgentsDocument,
    "\n  mutation AssignTickets($ticketIds: [ID!]!, $adminId: ID) {\n    assignTickets(ticketIds: $ticketIds, adminId: $adminId) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": typeof types.AssignTicketsDocument,
    "\n  mutation SetTicketsPriority($ticketIds: [ID!]!, $priority: TicketPriority!) {\n    setTicketsPriority(ticketIds: $ticketIds, priority: $priority) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": typeof types.SetTicketsPriorityDocument,
    "\n  mutation CloseTickets($ticketIds: [ID!]!, $message: String) {\n    closeTickets(ticketIds: $ticketIds, message: $message) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": typeof types.CloseTicketsDocument,
    "\n  mutation SnoozeTickets($ticketIds: [ID!]!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTickets(ticketIds: $ticketIds, until: $until, untilReply: $untilReply) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": typeof types.SnoozeTicketsDocument,
    "\n  mutation ReportPresence($ticketId: ID!, $typing: Boolean, $viewing: Boolean) {\n    reportPresence(ticketId: $ticketId, typing: $typing, viewing: $viewing) { ticketId }\n  }\n": typeof types.ReportPresenceDocument,
    "\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      viewers { agent { id name } since typing typingSince }\n    }\n  }\n": typeof types.TicketPresenceDocument,
    "\n  fragment AttachmentFields on MediaAttachment {\n    id kind status mimeType filename caption sizeBytes error url\n  }\n": typeof types.AttachmentFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id body senderType senderName createdAt internal deliveryStatus deliveryError templateName\n    author { id name }\n    attachment { ...AttachmentFields }\n    forwarded editedAt deletedByPersonAt personReaction\n    edits { body replacedAt }\n    replyTo { id body senderName }\n    location { url mapUrl }\n    order { catalogId text total currency items { retailerId quantity itemPrice currency } }\n    formAnswers { label value }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment TicketFields on Ticket {\n    id status priority updatedAt resolvedAt lastMessageAt messageCount unreadCount firstResponseAt replyWindowClosesAt\n    snoozed snoozedAt snoozedUntil snoozedBy { id name }\n    sla { state firstResponseDueAt resolutionDueAt }\n    assignee { id name }\n    labels { id name color }\n    satisfaction { rating comment ratedAt }\n  }\n": typeof types.TicketFieldsFragmentDoc,
    "\n  query TicketDetail($id: ID!) {\n    ticket(id: $id) {\n      ...TicketFields\n      phoneNumber username senderName issueDescription studentId createdAt\n      contact { phoneNumber notes }\n      referral { headline body sourceUrl sourceType mediaType }\n      botConversation { from text at }\n      messages(last: 100) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n": typeof types.TicketDetailDocument,
    "\n  subscription TicketMessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) { ...MessageFields }\n  }\n": typeof types.TicketMessageAddedDocument,
    "\n  subscription TicketMessageUpdated($ticketId: ID!) {\n    messageUpdated(ticketId: $ticketId) { ...MessageFields }\n  }\n": typeof types.TicketMessageUpdatedDocument,
    "\n  subscription TicketDetailUpdated($id: ID!) {\n    ticketUpdated(id: $id) { ...TicketFields }\n  }\n": typeof types.TicketDetailUpdatedDocument,
    "\n  mutation MarkTicketRead($ticketId: ID!) {\n    markTicketRead(ticketId: $ticketId) { id unreadCount }\n  }\n": typeof types.MarkTicketReadDocument,
    "\n  query ViewCounts {\n    notifications { activeTickets unassigned assignedToMe unreadMentions }\n  }\n": typeof types.ViewCountsDocument,
    "\n  query SavedViews {\n    savedViews {\n      id name shared viewerCanEdit ticketCount\n      filters { status snoozed priority assignee assigneeId labelIds slaState search orderField orderDirection }\n    }\n  }\n": typeof types.SavedViewsDocument,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { id name }\n  }\n": typeof types.CreateSavedViewDocument,
    "\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) { id name }\n  }\n": typeof types.RenameSavedViewDocument,
    "\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id)\n  }\n": typeof types.DeleteSavedViewDocument,
    "\n  query DisabledWebhookEndpoints {\n    notifications { disabledWebhookEndpoints }\n  }\n": typeof types.DisabledWebhookEndpointsDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id url description events enabled disabledAt disabledReason failingSince createdAt lastDeliveryAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints { ...WebhookEndpointFields }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoint(id: $id) {\n      ...WebhookEndpointFields\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id eventId eventType ticketId status attempts lastStatusCode lastError createdAt deliveredAt nextAttemptAt payload\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) { id status attempts lastStatusCode lastError deliveredAt nextAttemptAt }\n  }\n": typeof types.RedeliverWebhookDeliveryDocument,
    "\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) { id status }\n  }\n": typeof types.PingWebhookEndpointDocument,
};
const documents: Documents = {
    "\n  query MySessions {\n    mySessions { id createdAt lastUsedAt userAgent ipAddress current }\n  }\n": types.MySessionsDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions\n  }\n": types.RevokeOtherSessionsDocument,
    "\n  mutation ResetPassword($code: String!, $newPassword: String!) {\n    resetPassword(code: $code, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  query AgentAccounts {\n    me { id }\n    admins(includeDeactivated: true) { id name email role active }\n  }\n": types.AgentAccountsDocument,
    "\n  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) {\n    updateAgent(id: $id, input: $input) { id name email role active }\n  }\n": types.UpdateAgentDocument,
    "\n  mutation DeactivateAgent($id: ID!) {\n    deactivateAgent(id: $id) { id name email role active }\n  }\n": types.DeactivateAgentDocument,
    "\n  mutation ReactivateAgent($id: ID!) {\n    reactivateAgent(id: $id) { id name email role active }\n  }\n": types.ReactivateAgentDocument,
    "\n  mutation CreatePasswordReset($id: ID!) {\n    createPasswordReset(id: $id) { code expiresAt admin { id name } }\n  }\n": types.CreatePasswordResetDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      admin { id name }\n    }\n  }\n": types.SignInDocument,
    "\n  fragment CannedResponseFields on CannedResponse {\n    id shortcode title body viewerCanEdit updatedAt\n    author { id name }\n  }\n": types.CannedResponseFieldsFragmentDoc,
    "\n  query CannedResponses($search: String, $first: Int) {\n    cannedResponses(search: $search, first: $first) { ...CannedResponseFields }\n  }\n": types.CannedResponsesDocument,
    "\n  subscription CannedResponseChanged {\n    cannedResponseChanged { change id cannedResponse { ...CannedResponseFields } }\n  }\n": types.CannedResponseChangedDocument,
    "\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) { ...CannedResponseFields }\n  }\n": types.CreateCannedResponseDocument,
    "\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) { ...CannedResponseFields }\n  }\n": types.UpdateCannedResponseDocument,
    "\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n": types.DeleteCannedResponseDocument,
    "\n  query ContactList($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node { phoneNumber name username lastContactAt ticketCount openTicket { id status } }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.ContactListDocument,
    "\n  query ContactPage($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ContactPageDocument,
    "\n  subscription ContactTicketCreated {\n    ticketCreated { id phoneNumber }\n  }\n": types.ContactTicketCreatedDocument,
    "\n  query TicketContactPanel($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n            labels { id name color }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.TicketContactPanelDocument,
    "\n  query ContactTicketThread($id: ID!, $before: String) {\n    ticket(id: $id) {\n      id\n      messages(last: 100, before: $before) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n": types.ContactTicketThreadDocument,
    "\n  fragment ContactFields on Contact {\n    phoneNumber whatsappUserId username name studentId notes notesUpdatedAt notesRevision lastInboundAt createdAt\n    notesUpdatedBy { id name }\n  }\n": types.ContactFieldsFragmentDoc,
    "\n  mutation UpdateContact($phoneNumber: String!, $input: UpdateContactInput!) {\n    updateContact(phoneNumber: $phoneNumber, input: $input) { ...ContactFields }\n  }\n": types.UpdateContactDocument,
    "\n  subscription ContactUpdated($phoneNumber: String!) {\n    contactUpdated(phoneNumber: $phoneNumber) { ...ContactFields }\n  }\n": types.ContactUpdatedDocument,
    "\n  mutation KeyboardAssign($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n": types.KeyboardAssignDocument,
    "\n  mutation KeyboardPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority sla { state firstResponseDueAt resolutionDueAt } }\n  }\n": types.KeyboardPriorityDocument,
    "\n  mutation KeyboardSnooze($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n": types.KeyboardSnoozeDocument,
    "\n  query KeyboardTicketLabels($id: ID!) {\n    ticket(id: $id) { id labels { id name color } }\n  }\n": types.KeyboardTicketLabelsDocument,
    "\n  query Labels {\n    labels { id name color ticketCount }\n  }\n": types.LabelsDocument,
    "\n  subscription LabelChanged {\n    labelChanged { change id label { id name color ticketCount } }\n  }\n": types.LabelChangedDocument,
    "\n  mutation AddLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    addLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n": types.AddLabelsDocument,
    "\n  mutation RemoveLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    removeLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n": types.RemoveLabelsDocument,
    "\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) { id name color ticketCount }\n  }\n": types.CreateLabelDocument,
    "\n  mutation UpdateLabel($id: ID!, $input: UpdateLabelInput!) {\n    updateLabel(id: $id, input: $input) { id name color ticketCount }\n  }\n": types.UpdateLabelDocument,
    "\n  mutation DeleteLabel($id: ID!) {\n    deleteLabel(id: $id)\n  }\n": types.DeleteLabelDocument,
    "\n  query Header {\n    me { id name role available }\n    notifications { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints }\n  }\n": types.HeaderDocument,
    "\n  subscription NotificationsChanged {\n    notificationsChanged { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints assignedToMe unreadMentions }\n  }\n": types.NotificationsChangedDocument,
    "\n  subscription NewTicketAlert {\n    ticketCreated { id senderName phoneNumber username issueDescription }\n  }\n": types.NewTicketAlertDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": types.SignOutDocument,
    "\n  query Mentions {\n    mentions(first: 50) {\n      id read createdAt\n      author { id name }\n      message { id body }\n      ticket { id senderName phoneNumber username }\n    }\n  }\n": types.MentionsDocument,
    "\n  mutation MarkMentionsRead($ticketId: ID!) {\n    markMentionsRead(ticketId: $ticketId)\n  }\n": types.MarkMentionsReadDocument,
    "\n  query MentionAgents {\n    me { id }\n    admins { id name }\n  }\n": types.MentionAgentsDocument,
    "\n  query PaletteTickets($search: String!) {\n    tickets(filter: { search: $search }, first: 8) {\n      edges { node { id status phoneNumber username senderName issueDescription } }\n    }\n  }\n": types.PaletteTicketsDocument,
    "\n  query PaletteTicketByNumber($id: ID!) {\n    ticket(id: $id) { id status phoneNumber username senderName issueDescription }\n  }\n": types.PaletteTicketByNumberDocument,
    "\n  query PaletteContacts($search: String!) {\n    contacts(search: $search, first: 5) {\n      edges { node { phoneNumber username name ticketCount } }\n    }\n  }\n": types.PaletteContactsDocument,
    "\n  query PaletteCannedResponses($search: String) {\n    cannedResponses(search: $search, first: 5) { id shortcode title body }\n  }\n": types.PaletteCannedResponsesDocument,
    "\n  query ParkedElements($after: String) {\n    inboundFailures(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind whatsappId sender field errorCode errorMessage attempts receivedAt lastFailedAt rawJson } }\n    }\n  }\n": types.ParkedElementsDocument,
    "\n  subscription ParkedCountChanged {\n    notificationsChanged { parkedElements }\n  }\n": types.ParkedCountChangedDocument,
    "\n  mutation RetryParkedElement($id: ID!) {\n    retryInboundFailure(id: $id) { id state errorCode errorMessage attempts lastFailedAt }\n  }\n": types.RetryParkedElementDocument,
    "\n  mutation DismissParkedElement($id: ID!) {\n    dismissInboundFailure(id: $id) { id state }\n  }\n": types.DismissParkedElementDocument,
    "\n  fragment DeskReportFields on DeskReport {\n    from to timeZone hours opened resolved backlogAtStart backlogAtEnd generatedAt\n    firstResponse { count medianSeconds p90Seconds averageSeconds }\n    resolution { count medianSeconds p90Seconds averageSeconds }\n    satisfaction { good okay bad responses }\n    days { date opened resolved backlog }\n    agents {\n      agent { id name }\n      opened resolved backlog\n      firstResponse { count medianSeconds p90Seconds }\n      resolution { count medianSeconds p90Seconds }\n      satisfaction { good okay bad responses }\n    }\n  }\n": types.DeskReportFieldsFragmentDoc,
    "\n  query DeskReport($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n": types.DeskReportDocument,
    "\n  subscription DeskReportLive($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n": types.DeskReportLiveDocument,
    "\n  query DefaultClosingMessage {\n    defaultClosingMessage\n  }\n": types.DefaultClosingMessageDocument,
    "\n  mutation ResolveTicket($ticketId: ID!, $message: String, $sendClosingMessage: Boolean) {\n    closeTicket(ticketId: $ticketId, message: $message, sendClosingMessage: $sendClosingMessage) { id status resolvedAt }\n  }\n": types.ResolveTicketDocument,
    "\n  fragment RoutingFields on RoutingSettings {\n    mode defaultCapacity maxCapacity waitingTickets\n    agents { agent { id name email role } available capacity capacityOverride activeTickets }\n  }\n": types.RoutingFieldsFragmentDoc,
    "\n  query Routing {\n    routing {\n      ...RoutingFields\n    }\n  }\n": types.RoutingDocument,
    "\n  subscription RoutingChanged {\n    routingChanged {\n      ...RoutingFields\n    }\n  }\n": types.RoutingChangedDocument,
    "\n  mutation UpdateRouting($input: RoutingSettingsInput!) {\n    updateRouting(input: $input) {\n      ...RoutingFields\n    }\n  }\n": types.UpdateRoutingDocument,
    "\n  mutation SetAgentCapacity($adminId: ID!, $capacity: Int) {\n    setAgentCapacity(adminId: $adminId, capacity: $capacity) { agent { id } capacity capacityOverride activeTickets }\n  }\n": types.SetAgentCapacityDocument,
    "\n  mutation SetAvailability($available: Boolean!) {\n    setAvailability(available: $available) { id available }\n  }\n": types.SetAvailabilityDocument,
    "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) { id name email role active }\n  }\n": types.CreateAgentDocument,
    "\n  query BotMessages {\n    botMessages { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n": types.BotMessagesDocument,
    "\n  mutation SetBotMessages($input: BotMessagesInput!) {\n    setBotMessages(input: $input) { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n": types.SetBotMessagesDocument,
    "\n  query Settings {\n    apiTokens { id name scopes createdAt expiresAt revokedAt }\n  }\n": types.SettingsDocument,
    "\n  mutation CreateApiToken($name: String!, $scopes: [ApiScope!]!) {\n    createApiToken(name: $name, scopes: $scopes) { token apiToken { id name scopes createdAt expiresAt revokedAt } }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  query DeskSettings {\n    businessHours { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n    slaPolicy { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n": types.DeskSettingsDocument,
    "\n  mutation SetBusinessHours($input: BusinessHoursInput!) {\n    setBusinessHours(input: $input) { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n  }\n": types.SetBusinessHoursDocument,
    "\n  mutation SetSlaPolicy($input: SlaPolicyInput!) {\n    setSlaPolicy(input: $input) { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n": types.SetSlaPolicyDocument,
    "\n  query SimulatorPhone($phoneNumber: String!) {\n    simulatorPhone(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n  fragment SimulatorPhoneFields on SimulatorPhone {\n    phoneNumber name typing\n    messages { id fromPerson text button status sentAt choices { id title description } }\n  }\n": types.SimulatorPhoneDocument,
    "\n  subscription SimulatorPhoneUpdated($phoneNumber: String!) {\n    simulatorPhoneUpdated(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n": types.SimulatorPhoneUpdatedDocument,
    "\n  mutation SimulatorSend($phoneNumber: String!, $name: String, $text: String, $choiceId: String, $choiceTitle: String) {\n    simulatorSend(phoneNumber: $phoneNumber, name: $name, text: $text, choiceId: $choiceId, choiceTitle: $choiceTitle) { id }\n  }\n": types.SimulatorSendDocument,
    "\n  query SimulatorOn {\n    simulatorPhones { phoneNumber }\n  }\n": types.SimulatorOnDocument,
    "\n  query MessageTemplates {\n    messageTemplates { id name languageCode body parameterCount }\n  }\n": types.MessageTemplatesDocument,
    "\n  mutation CreateMessageTemplate($input: CreateMessageTemplateInput!) {\n    createMessageTemplate(input: $input) { id name languageCode body parameterCount }\n  }\n": types.CreateMessageTemplateDocument,
    "\n  mutation DeleteMessageTemplate($id: ID!) {\n    deleteMessageTemplate(id: $id)\n  }\n": types.DeleteMessageTemplateDocument,
    "\n  mutation SendTemplate($ticketId: ID!, $templateId: ID!, $parameters: [String!]!) {\n    sendTemplate(ticketId: $ticketId, templateId: $templateId, parameters: $parameters) { ...MessageFields }\n  }\n": types.SendTemplateDocument,
    "\n  query DeskTicketCount {\n    tickets(first: 1) { totalCount }\n  }\n": types.DeskTicketCountDocument,
    "\n  query SimilarTickets($id: ID!) {\n    ticket(id: $id) {\n      id\n      similarTickets(first: 3) {\n        score\n        ticket { id issueDescription senderName status resolvedAt }\n        resolvingReply { id body senderName }\n      }\n    }\n  }\n": types.SimilarTicketsDocument,
    "\n  mutation SnoozeTicket($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n": types.SnoozeTicketDocument,
    "\n  mutation UnsnoozeTicket($ticketId: ID!) {\n    unsnoozeTicket(ticketId: $ticketId) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n": types.UnsnoozeTicketDocument,
    "\n  mutation AssignTicket($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n": types.AssignTicketDocument,
    "\n  mutation SetPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority }\n  }\n": types.SetPriorityDocument,
    "\n  mutation SetStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) { id status resolvedAt }\n  }\n": types.SetStatusDocument,
    "\n  mutation ReopenTicket($ticketId: ID!) {\n    reopenTicket(ticketId: $ticketId) { id status resolvedAt }\n  }\n": types.ReopenTicketDocument,
    "\n  mutation SendReply($ticketId: ID!, $body: String!, $typingSince: DateTime, $attachmentId: ID) {\n    sendMessage(ticketId: $ticketId, body: $body, typingSince: $typingSince, attachmentId: $attachmentId) { ...MessageFields }\n  }\n": types.SendReplyDocument,
    "\n  mutation AddNote($ticketId: ID!, $body: String!) {\n    addNote(ticketId: $ticketId, body: $body) { ...MessageFields }\n  }\n": types.AddNoteDocument,
    "\n  query TicketList(\n    $filter: TicketFilter\n    $orderBy: TicketOrder\n    $first: Int\n    $after: String\n    $search: String!\n    $searching: Boolean!\n  ) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          ...TicketFields\n          phoneNumber username senderName issueDescription createdAt\n          preview { id body senderType senderName author { id } }\n          searchSnippet(search: $search) @include(if: $searching) { text match }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.TicketListDocument,
    "\n  subscription TicketListCreated {\n    ticketCreated { id }\n  }\n": types.TicketListCreatedDocument,
    "\n  subscription TicketListUpdated {\n    ticketUpdated { ...TicketFields }\n  }\n": types.TicketListUpdatedDocument,
    "\n  query Agents {\n    me { id name role }\n    admins { id name }\n  }\n": types.AgentsDocument,
    "\n  mutation AssignTickets($ticketIds: [ID!]!, $adminId: ID) {\n    assignTickets(ticketIds: $ticketIds, adminId: $adminId) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": types.AssignTicketsDocument,
    "\n  mutation SetTicketsPriority($ticketIds: [ID!]!, $priority: TicketPriority!) {\n    setTicketsPriority(ticketIds: $ticketIds, priority: $priority) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": types.SetTicketsPriorityDocument,
    "\n  mutation CloseTickets($ticketIds: [ID!]!, $message: String) {\n    closeTickets(ticketIds: $ticketIds, message: $message) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": types.CloseTicketsDocument,
    "\n  mutation SnoozeTickets($ticketIds: [ID!]!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTickets(ticketIds: $ticketIds, until: $until, untilReply: $untilReply) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n": types.SnoozeTicketsDocument,
    "\n  mutation ReportPresence($ticketId: ID!, $typing: Boolean, $viewing: Boolean) {\n    reportPresence(ticketId: $ticketId, typing: $typing, viewing: $viewing) { ticketId }\n  }\n": types.ReportPresenceDocument,
    "\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      viewers { agent { id name } since typing typingSince }\n    }\n  }\n": types.TicketPresenceDocument,
    "\n  fragment AttachmentFields on MediaAttachment {\n    id kind status mimeType filename caption sizeBytes error url\n  }\n": types.AttachmentFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id body senderType senderName createdAt internal deliveryStatus deliveryError templateName\n    author { id name }\n    attachment { ...AttachmentFields }\n    forwarded editedAt deletedByPersonAt personReaction\n    edits { body replacedAt }\n    replyTo { id body senderName }\n    location { url mapUrl }\n    order { catalogId text total currency items { retailerId quantity itemPrice currency } }\n    formAnswers { label value }\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment TicketFields on Ticket {\n    id status priority updatedAt resolvedAt lastMessageAt messageCount unreadCount firstResponseAt replyWindowClosesAt\n    snoozed snoozedAt snoozedUntil snoozedBy { id name }\n    sla { state firstResponseDueAt resolutionDueAt }\n    assignee { id name }\n    labels { id name color }\n    satisfaction { rating comment ratedAt }\n  }\n": types.TicketFieldsFragmentDoc,
    "\n  query TicketDetail($id: ID!) {\n    ticket(id: $id) {\n      ...TicketFields\n      phoneNumber username senderName issueDescription studentId createdAt\n      contact { phoneNumber notes }\n      referral { headline body sourceUrl sourceType mediaType }\n      botConversation { from text at }\n      messages(last: 100) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n": types.TicketDetailDocument,
    "\n  subscription TicketMessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) { ...MessageFields }\n  }\n": types.TicketMessageAddedDocument,
    "\n  subscription TicketMessageUpdated($ticketId: ID!) {\n    messageUpdated(ticketId: $ticketId) { ...MessageFields }\n  }\n": types.TicketMessageUpdatedDocument,
    "\n  subscription TicketDetailUpdated($id: ID!) {\n    ticketUpdated(id: $id) { ...TicketFields }\n  }\n": types.TicketDetailUpdatedDocument,
    "\n  mutation MarkTicketRead($ticketId: ID!) {\n    markTicketRead(ticketId: $ticketId) { id unreadCount }\n  }\n": types.MarkTicketReadDocument,
    "\n  query ViewCounts {\n    notifications { activeTickets unassigned assignedToMe unreadMentions }\n  }\n": types.ViewCountsDocument,
    "\n  query SavedViews {\n    savedViews {\n      id name shared viewerCanEdit ticketCount\n      filters { status snoozed priority assignee assigneeId labelIds slaState search orderField orderDirection }\n    }\n  }\n": types.SavedViewsDocument,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { id name }\n  }\n": types.CreateSavedViewDocument,
    "\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) { id name }\n  }\n": types.RenameSavedViewDocument,
    "\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id)\n  }\n": types.DeleteSavedViewDocument,
    "\n  query DisabledWebhookEndpoints {\n    notifications { disabledWebhookEndpoints }\n  }\n": types.DisabledWebhookEndpointsDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id url description events enabled disabledAt disabledReason failingSince createdAt lastDeliveryAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints { ...WebhookEndpointFields }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoint(id: $id) {\n      ...WebhookEndpointFields\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id eventId eventType ticketId status attempts lastStatusCode lastError createdAt deliveredAt nextAttemptAt payload\n          }\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) { id status attempts lastStatusCode lastError deliveredAt nextAttemptAt }\n  }\n": types.RedeliverWebhookDeliveryDocument,
    "\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) { id status }\n  }\n": types.PingWebhookEndpointDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions { id createdAt lastUsedAt userAgent ipAddress current }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions { id createdAt lastUsedAt userAgent ipAddress current }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions\n  }\n"): (typeof documents)["\n  mutation RevokeOtherSessions {\n    revokeOtherSessions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($code: String!, $newPassword: String!) {\n    resetPassword(code: $code, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($code: String!, $newPassword: String!) {\n    resetPassword(code: $code, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentAccounts {\n    me { id }\n    admins(includeDeactivated: true) { id name email role active }\n  }\n"): (typeof documents)["\n  query AgentAccounts {\n    me { id }\n    admins(includeDeactivated: true) { id name email role active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) {\n    updateAgent(id: $id, input: $input) { id name email role active }\n  }\n"): (typeof documents)["\n  mutation UpdateAgent($id: ID!, $input: UpdateAgentInput!) {\n    updateAgent(id: $id, input: $input) { id name email role active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateAgent($id: ID!) {\n    deactivateAgent(id: $id) { id name email role active }\n  }\n"): (typeof documents)["\n  mutation DeactivateAgent($id: ID!) {\n    deactivateAgent(id: $id) { id name email role active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateAgent($id: ID!) {\n    reactivateAgent(id: $id) { id name email role active }\n  }\n"): (typeof documents)["\n  mutation ReactivateAgent($id: ID!) {\n    reactivateAgent(id: $id) { id name email role active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePasswordReset($id: ID!) {\n    createPasswordReset(id: $id) { code expiresAt admin { id name } }\n  }\n"): (typeof documents)["\n  mutation CreatePasswordReset($id: ID!) {\n    createPasswordReset(id: $id) { code expiresAt admin { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      admin { id name }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      admin { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CannedResponseFields on CannedResponse {\n    id shortcode title body viewerCanEdit updatedAt\n    author { id name }\n  }\n"): (typeof documents)["\n  fragment CannedResponseFields on CannedResponse {\n    id shortcode title body viewerCanEdit updatedAt\n    author { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CannedResponses($search: String, $first: Int) {\n    cannedResponses(search: $search, first: $first) { ...CannedResponseFields }\n  }\n"): (typeof documents)["\n  query CannedResponses($search: String, $first: Int) {\n    cannedResponses(search: $search, first: $first) { ...CannedResponseFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CannedResponseChanged {\n    cannedResponseChanged { change id cannedResponse { ...CannedResponseFields } }\n  }\n"): (typeof documents)["\n  subscription CannedResponseChanged {\n    cannedResponseChanged { change id cannedResponse { ...CannedResponseFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) { ...CannedResponseFields }\n  }\n"): (typeof documents)["\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) { ...CannedResponseFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) { ...CannedResponseFields }\n  }\n"): (typeof documents)["\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) { ...CannedResponseFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactList($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node { phoneNumber name username lastContactAt ticketCount openTicket { id status } }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ContactList($search: String, $first: Int, $after: String) {\n    contacts(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node { phoneNumber name username lastContactAt ticketCount openTicket { id status } }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPage($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPage($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ContactTicketCreated {\n    ticketCreated { id phoneNumber }\n  }\n"): (typeof documents)["\n  subscription ContactTicketCreated {\n    ticketCreated { id phoneNumber }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketContactPanel($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n            labels { id name color }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketContactPanel($phoneNumber: String!, $after: String) {\n    contact(phoneNumber: $phoneNumber) {\n      ...ContactFields\n      tickets(first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id status issueDescription createdAt resolvedAt messageCount snoozed snoozedUntil\n            assignee { id name }\n            labels { id name color }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactTicketThread($id: ID!, $before: String) {\n    ticket(id: $id) {\n      id\n      messages(last: 100, before: $before) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactTicketThread($id: ID!, $before: String) {\n    ticket(id: $id) {\n      id\n      messages(last: 100, before: $before) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactFields on Contact {\n    phoneNumber whatsappUserId username name studentId notes notesUpdatedAt notesRevision lastInboundAt createdAt\n    notesUpdatedBy { id name }\n  }\n"): (typeof documents)["\n  fragment ContactFields on Contact {\n    phoneNumber whatsappUserId username name studentId notes notesUpdatedAt notesRevision lastInboundAt createdAt\n    notesUpdatedBy { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($phoneNumber: String!, $input: UpdateContactInput!) {\n    updateContact(phoneNumber: $phoneNumber, input: $input) { ...ContactFields }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($phoneNumber: String!, $input: UpdateContactInput!) {\n    updateContact(phoneNumber: $phoneNumber, input: $input) { ...ContactFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ContactUpdated($phoneNumber: String!) {\n    contactUpdated(phoneNumber: $phoneNumber) { ...ContactFields }\n  }\n"): (typeof documents)["\n  subscription ContactUpdated($phoneNumber: String!) {\n    contactUpdated(phoneNumber: $phoneNumber) { ...ContactFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeyboardAssign($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n"): (typeof documents)["\n  mutation KeyboardAssign($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeyboardPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority sla { state firstResponseDueAt resolutionDueAt } }\n  }\n"): (typeof documents)["\n  mutation KeyboardPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority sla { state firstResponseDueAt resolutionDueAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeyboardSnooze($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n"): (typeof documents)["\n  mutation KeyboardSnooze($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyboardTicketLabels($id: ID!) {\n    ticket(id: $id) { id labels { id name color } }\n  }\n"): (typeof documents)["\n  query KeyboardTicketLabels($id: ID!) {\n    ticket(id: $id) { id labels { id name color } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Labels {\n    labels { id name color ticketCount }\n  }\n"): (typeof documents)["\n  query Labels {\n    labels { id name color ticketCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LabelChanged {\n    labelChanged { change id label { id name color ticketCount } }\n  }\n"): (typeof documents)["\n  subscription LabelChanged {\n    labelChanged { change id label { id name color ticketCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    addLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n"): (typeof documents)["\n  mutation AddLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    addLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    removeLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n"): (typeof documents)["\n  mutation RemoveLabels($ticketIds: [ID!]!, $labelIds: [ID!]!) {\n    removeLabels(ticketIds: $ticketIds, labelIds: $labelIds) { id updatedAt labels { id name color } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) { id name color ticketCount }\n  }\n"): (typeof documents)["\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) { id name color ticketCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLabel($id: ID!, $input: UpdateLabelInput!) {\n    updateLabel(id: $id, input: $input) { id name color ticketCount }\n  }\n"): (typeof documents)["\n  mutation UpdateLabel($id: ID!, $input: UpdateLabelInput!) {\n    updateLabel(id: $id, input: $input) { id name color ticketCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteLabel($id: ID!) {\n    deleteLabel(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteLabel($id: ID!) {\n    deleteLabel(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Header {\n    me { id name role available }\n    notifications { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints }\n  }\n"): (typeof documents)["\n  query Header {\n    me { id name role available }\n    notifications { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationsChanged {\n    notificationsChanged { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints assignedToMe unreadMentions }\n  }\n"): (typeof documents)["\n  subscription NotificationsChanged {\n    notificationsChanged { activeTickets openTickets inProgress unassigned unreadTickets hasAlerts slaBreached parkedElements disabledWebhookEndpoints assignedToMe unreadMentions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NewTicketAlert {\n    ticketCreated { id senderName phoneNumber username issueDescription }\n  }\n"): (typeof documents)["\n  subscription NewTicketAlert {\n    ticketCreated { id senderName phoneNumber username issueDescription }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    logout\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mentions {\n    mentions(first: 50) {\n      id read createdAt\n      author { id name }\n      message { id body }\n      ticket { id senderName phoneNumber username }\n    }\n  }\n"): (typeof documents)["\n  query Mentions {\n    mentions(first: 50) {\n      id read createdAt\n      author { id name }\n      message { id body }\n      ticket { id senderName phoneNumber username }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkMentionsRead($ticketId: ID!) {\n    markMentionsRead(ticketId: $ticketId)\n  }\n"): (typeof documents)["\n  mutation MarkMentionsRead($ticketId: ID!) {\n    markMentionsRead(ticketId: $ticketId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentionAgents {\n    me { id }\n    admins { id name }\n  }\n"): (typeof documents)["\n  query MentionAgents {\n    me { id }\n    admins { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaletteTickets($search: String!) {\n    tickets(filter: { search: $search }, first: 8) {\n      edges { node { id status phoneNumber username senderName issueDescription } }\n    }\n  }\n"): (typeof documents)["\n  query PaletteTickets($search: String!) {\n    tickets(filter: { search: $search }, first: 8) {\n      edges { node { id status phoneNumber username senderName issueDescription } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaletteTicketByNumber($id: ID!) {\n    ticket(id: $id) { id status phoneNumber username senderName issueDescription }\n  }\n"): (typeof documents)["\n  query PaletteTicketByNumber($id: ID!) {\n    ticket(id: $id) { id status phoneNumber username senderName issueDescription }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaletteContacts($search: String!) {\n    contacts(search: $search, first: 5) {\n      edges { node { phoneNumber username name ticketCount } }\n    }\n  }\n"): (typeof documents)["\n  query PaletteContacts($search: String!) {\n    contacts(search: $search, first: 5) {\n      edges { node { phoneNumber username name ticketCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaletteCannedResponses($search: String) {\n    cannedResponses(search: $search, first: 5) { id shortcode title body }\n  }\n"): (typeof documents)["\n  query PaletteCannedResponses($search: String) {\n    cannedResponses(search: $search, first: 5) { id shortcode title body }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParkedElements($after: String) {\n    inboundFailures(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind whatsappId sender field errorCode errorMessage attempts receivedAt lastFailedAt rawJson } }\n    }\n  }\n"): (typeof documents)["\n  query ParkedElements($after: String) {\n    inboundFailures(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind whatsappId sender field errorCode errorMessage attempts receivedAt lastFailedAt rawJson } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ParkedCountChanged {\n    notificationsChanged { parkedElements }\n  }\n"): (typeof documents)["\n  subscription ParkedCountChanged {\n    notificationsChanged { parkedElements }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryParkedElement($id: ID!) {\n    retryInboundFailure(id: $id) { id state errorCode errorMessage attempts lastFailedAt }\n  }\n"): (typeof documents)["\n  mutation RetryParkedElement($id: ID!) {\n    retryInboundFailure(id: $id) { id state errorCode errorMessage attempts lastFailedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissParkedElement($id: ID!) {\n    dismissInboundFailure(id: $id) { id state }\n  }\n"): (typeof documents)["\n  mutation DismissParkedElement($id: ID!) {\n    dismissInboundFailure(id: $id) { id state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeskReportFields on DeskReport {\n    from to timeZone hours opened resolved backlogAtStart backlogAtEnd generatedAt\n    firstResponse { count medianSeconds p90Seconds averageSeconds }\n    resolution { count medianSeconds p90Seconds averageSeconds }\n    satisfaction { good okay bad responses }\n    days { date opened resolved backlog }\n    agents {\n      agent { id name }\n      opened resolved backlog\n      firstResponse { count medianSeconds p90Seconds }\n      resolution { count medianSeconds p90Seconds }\n      satisfaction { good okay bad responses }\n    }\n  }\n"): (typeof documents)["\n  fragment DeskReportFields on DeskReport {\n    from to timeZone hours opened resolved backlogAtStart backlogAtEnd generatedAt\n    firstResponse { count medianSeconds p90Seconds averageSeconds }\n    resolution { count medianSeconds p90Seconds averageSeconds }\n    satisfaction { good okay bad responses }\n    days { date opened resolved backlog }\n    agents {\n      agent { id name }\n      opened resolved backlog\n      firstResponse { count medianSeconds p90Seconds }\n      resolution { count medianSeconds p90Seconds }\n      satisfaction { good okay bad responses }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskReport($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n"): (typeof documents)["\n  query DeskReport($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeskReportLive($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n"): (typeof documents)["\n  subscription DeskReportLive($input: ReportInput!) {\n    deskReport(input: $input) { ...DeskReportFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DefaultClosingMessage {\n    defaultClosingMessage\n  }\n"): (typeof documents)["\n  query DefaultClosingMessage {\n    defaultClosingMessage\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveTicket($ticketId: ID!, $message: String, $sendClosingMessage: Boolean) {\n    closeTicket(ticketId: $ticketId, message: $message, sendClosingMessage: $sendClosingMessage) { id status resolvedAt }\n  }\n"): (typeof documents)["\n  mutation ResolveTicket($ticketId: ID!, $message: String, $sendClosingMessage: Boolean) {\n    closeTicket(ticketId: $ticketId, message: $message, sendClosingMessage: $sendClosingMessage) { id status resolvedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoutingFields on RoutingSettings {\n    mode defaultCapacity maxCapacity waitingTickets\n    agents { agent { id name email role } available capacity capacityOverride activeTickets }\n  }\n"): (typeof documents)["\n  fragment RoutingFields on RoutingSettings {\n    mode defaultCapacity maxCapacity waitingTickets\n    agents { agent { id name email role } available capacity capacityOverride activeTickets }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Routing {\n    routing {\n      ...RoutingFields\n    }\n  }\n"): (typeof documents)["\n  query Routing {\n    routing {\n      ...RoutingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RoutingChanged {\n    routingChanged {\n      ...RoutingFields\n    }\n  }\n"): (typeof documents)["\n  subscription RoutingChanged {\n    routingChanged {\n      ...RoutingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRouting($input: RoutingSettingsInput!) {\n    updateRouting(input: $input) {\n      ...RoutingFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRouting($input: RoutingSettingsInput!) {\n    updateRouting(input: $input) {\n      ...RoutingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAgentCapacity($adminId: ID!, $capacity: Int) {\n    setAgentCapacity(adminId: $adminId, capacity: $capacity) { agent { id } capacity capacityOverride activeTickets }\n  }\n"): (typeof documents)["\n  mutation SetAgentCapacity($adminId: ID!, $capacity: Int) {\n    setAgentCapacity(adminId: $adminId, capacity: $capacity) { agent { id } capacity capacityOverride activeTickets }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAvailability($available: Boolean!) {\n    setAvailability(available: $available) { id available }\n  }\n"): (typeof documents)["\n  mutation SetAvailability($available: Boolean!) {\n    setAvailability(available: $available) { id available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) { id name email role active }\n  }\n"): (typeof documents)["\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) { id name email role active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BotMessages {\n    botMessages { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n"): (typeof documents)["\n  query BotMessages {\n    botMessages { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBotMessages($input: BotMessagesInput!) {\n    setBotMessages(input: $input) { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n"): (typeof documents)["\n  mutation SetBotMessages($input: BotMessagesInput!) {\n    setBotMessages(input: $input) { defaultLanguage languages { code name messages { key text defaultText overridden maxLength placeholders } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    apiTokens { id name scopes createdAt expiresAt revokedAt }\n  }\n"): (typeof documents)["\n  query Settings {\n    apiTokens { id name scopes createdAt expiresAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $scopes: [ApiScope!]!) {\n    createApiToken(name: $name, scopes: $scopes) { token apiToken { id name scopes createdAt expiresAt revokedAt } }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!, $scopes: [ApiScope!]!) {\n    createApiToken(name: $name, scopes: $scopes) { token apiToken { id name scopes createdAt expiresAt revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskSettings {\n    businessHours { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n    slaPolicy { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n"): (typeof documents)["\n  query DeskSettings {\n    businessHours { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n    slaPolicy { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBusinessHours($input: BusinessHoursInput!) {\n    setBusinessHours(input: $input) { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n  }\n"): (typeof documents)["\n  mutation SetBusinessHours($input: BusinessHoursInput!) {\n    setBusinessHours(input: $input) { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSlaPolicy($input: SlaPolicyInput!) {\n    setSlaPolicy(input: $input) { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n"): (typeof documents)["\n  mutation SetSlaPolicy($input: SlaPolicyInput!) {\n    setSlaPolicy(input: $input) { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulatorPhone($phoneNumber: String!) {\n    simulatorPhone(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n  fragment SimulatorPhoneFields on SimulatorPhone {\n    phoneNumber name typing\n    messages { id fromPerson text button status sentAt choices { id title description } }\n  }\n"): (typeof documents)["\n  query SimulatorPhone($phoneNumber: String!) {\n    simulatorPhone(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n  fragment SimulatorPhoneFields on SimulatorPhone {\n    phoneNumber name typing\n    messages { id fromPerson text button status sentAt choices { id title description } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SimulatorPhoneUpdated($phoneNumber: String!) {\n    simulatorPhoneUpdated(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n"): (typeof documents)["\n  subscription SimulatorPhoneUpdated($phoneNumber: String!) {\n    simulatorPhoneUpdated(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SimulatorSend($phoneNumber: String!, $name: String, $text: String, $choiceId: String, $choiceTitle: String) {\n    simulatorSend(phoneNumber: $phoneNumber, name: $name, text: $text, choiceId: $choiceId, choiceTitle: $choiceTitle) { id }\n  }\n"): (typeof documents)["\n  mutation SimulatorSend($phoneNumber: String!, $name: String, $text: String, $choiceId: String, $choiceTitle: String) {\n    simulatorSend(phoneNumber: $phoneNumber, name: $name, text: $text, choiceId: $choiceId, choiceTitle: $choiceTitle) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulatorOn {\n    simulatorPhones { phoneNumber }\n  }\n"): (typeof documents)["\n  query SimulatorOn {\n    simulatorPhones { phoneNumber }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageTemplates {\n    messageTemplates { id name languageCode body parameterCount }\n  }\n"): (typeof documents)["\n  query MessageTemplates {\n    messageTemplates { id name languageCode body parameterCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMessageTemplate($input: CreateMessageTemplateInput!) {\n    createMessageTemplate(input: $input) { id name languageCode body parameterCount }\n  }\n"): (typeof documents)["\n  mutation CreateMessageTemplate($input: CreateMessageTemplateInput!) {\n    createMessageTemplate(input: $input) { id name languageCode body parameterCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMessageTemplate($id: ID!) {\n    deleteMessageTemplate(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMessageTemplate($id: ID!) {\n    deleteMessageTemplate(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTemplate($ticketId: ID!, $templateId: ID!, $parameters: [String!]!) {\n    sendTemplate(ticketId: $ticketId, templateId: $templateId, parameters: $parameters) { ...MessageFields }\n  }\n"): (typeof documents)["\n  mutation SendTemplate($ticketId: ID!, $templateId: ID!, $parameters: [String!]!) {\n    sendTemplate(ticketId: $ticketId, templateId: $templateId, parameters: $parameters) { ...MessageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskTicketCount {\n    tickets(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query DeskTicketCount {\n    tickets(first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarTickets($id: ID!) {\n    ticket(id: $id) {\n      id\n      similarTickets(first: 3) {\n        score\n        ticket { id issueDescription senderName status resolvedAt }\n        resolvingReply { id body senderName }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimilarTickets($id: ID!) {\n    ticket(id: $id) {\n      id\n      similarTickets(first: 3) {\n        score\n        ticket { id issueDescription senderName status resolvedAt }\n        resolvingReply { id body senderName }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeTicket($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n"): (typeof documents)["\n  mutation SnoozeTicket($ticketId: ID!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTicket(ticketId: $ticketId, until: $until, untilReply: $untilReply) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsnoozeTicket($ticketId: ID!) {\n    unsnoozeTicket(ticketId: $ticketId) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n"): (typeof documents)["\n  mutation UnsnoozeTicket($ticketId: ID!) {\n    unsnoozeTicket(ticketId: $ticketId) { id snoozed snoozedAt snoozedUntil snoozedBy { id name } updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTicket($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n"): (typeof documents)["\n  mutation AssignTicket($ticketId: ID!, $adminId: ID) {\n    assignTicket(ticketId: $ticketId, adminId: $adminId) { id assignee { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority }\n  }\n"): (typeof documents)["\n  mutation SetPriority($ticketId: ID!, $priority: TicketPriority!) {\n    setTicketPriority(ticketId: $ticketId, priority: $priority) { id priority }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) { id status resolvedAt }\n  }\n"): (typeof documents)["\n  mutation SetStatus($ticketId: ID!, $status: TicketStatus!) {\n    setTicketStatus(ticketId: $ticketId, status: $status) { id status resolvedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenTicket($ticketId: ID!) {\n    reopenTicket(ticketId: $ticketId) { id status resolvedAt }\n  }\n"): (typeof documents)["\n  mutation ReopenTicket($ticketId: ID!) {\n    reopenTicket(ticketId: $ticketId) { id status resolvedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReply($ticketId: ID!, $body: String!, $typingSince: DateTime, $attachmentId: ID) {\n    sendMessage(ticketId: $ticketId, body: $body, typingSince: $typingSince, attachmentId: $attachmentId) { ...MessageFields }\n  }\n"): (typeof documents)["\n  mutation SendReply($ticketId: ID!, $body: String!, $typingSince: DateTime, $attachmentId: ID) {\n    sendMessage(ticketId: $ticketId, body: $body, typingSince: $typingSince, attachmentId: $attachmentId) { ...MessageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddNote($ticketId: ID!, $body: String!) {\n    addNote(ticketId: $ticketId, body: $body) { ...MessageFields }\n  }\n"): (typeof documents)["\n  mutation AddNote($ticketId: ID!, $body: String!) {\n    addNote(ticketId: $ticketId, body: $body) { ...MessageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketList(\n    $filter: TicketFilter\n    $orderBy: TicketOrder\n    $first: Int\n    $after: String\n    $search: String!\n    $searching: Boolean!\n  ) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          ...TicketFields\n          phoneNumber username senderName issueDescription createdAt\n          preview { id body senderType senderName author { id } }\n          searchSnippet(search: $search) @include(if: $searching) { text match }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query TicketList(\n    $filter: TicketFilter\n    $orderBy: TicketOrder\n    $first: Int\n    $after: String\n    $search: String!\n    $searching: Boolean!\n  ) {\n    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          ...TicketFields\n          phoneNumber username senderName issueDescription createdAt\n          preview { id body senderType senderName author { id } }\n          searchSnippet(search: $search) @include(if: $searching) { text match }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketListCreated {\n    ticketCreated { id }\n  }\n"): (typeof documents)["\n  subscription TicketListCreated {\n    ticketCreated { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketListUpdated {\n    ticketUpdated { ...TicketFields }\n  }\n"): (typeof documents)["\n  subscription TicketListUpdated {\n    ticketUpdated { ...TicketFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agents {\n    me { id name role }\n    admins { id name }\n  }\n"): (typeof documents)["\n  query Agents {\n    me { id name role }\n    admins { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTickets($ticketIds: [ID!]!, $adminId: ID) {\n    assignTickets(ticketIds: $ticketIds, adminId: $adminId) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignTickets($ticketIds: [ID!]!, $adminId: ID) {\n    assignTickets(ticketIds: $ticketIds, adminId: $adminId) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTicketsPriority($ticketIds: [ID!]!, $priority: TicketPriority!) {\n    setTicketsPriority(ticketIds: $ticketIds, priority: $priority) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"): (typeof documents)["\n  mutation SetTicketsPriority($ticketIds: [ID!]!, $priority: TicketPriority!) {\n    setTicketsPriority(ticketIds: $ticketIds, priority: $priority) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseTickets($ticketIds: [ID!]!, $message: String) {\n    closeTickets(ticketIds: $ticketIds, message: $message) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseTickets($ticketIds: [ID!]!, $message: String) {\n    closeTickets(ticketIds: $ticketIds, message: $message) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeTickets($ticketIds: [ID!]!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTickets(ticketIds: $ticketIds, until: $until, untilReply: $untilReply) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"): (typeof documents)["\n  mutation SnoozeTickets($ticketIds: [ID!]!, $until: DateTime, $untilReply: Boolean) {\n    snoozeTickets(ticketIds: $ticketIds, until: $until, untilReply: $untilReply) {\n      outcomes { ticketId succeeded error { code message } ticket { ...TicketFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportPresence($ticketId: ID!, $typing: Boolean, $viewing: Boolean) {\n    reportPresence(ticketId: $ticketId, typing: $typing, viewing: $viewing) { ticketId }\n  }\n"): (typeof documents)["\n  mutation ReportPresence($ticketId: ID!, $typing: Boolean, $viewing: Boolean) {\n    reportPresence(ticketId: $ticketId, typing: $typing, viewing: $viewing) { ticketId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      viewers { agent { id name } since typing typingSince }\n    }\n  }\n"): (typeof documents)["\n  subscription TicketPresence($ticketId: ID!) {\n    ticketPresence(ticketId: $ticketId) {\n      ticketId\n      viewers { agent { id name } since typing typingSince }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttachmentFields on MediaAttachment {\n    id kind status mimeType filename caption sizeBytes error url\n  }\n"): (typeof documents)["\n  fragment AttachmentFields on MediaAttachment {\n    id kind status mimeType filename caption sizeBytes error url\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id body senderType senderName createdAt internal deliveryStatus deliveryError templateName\n    author { id name }\n    attachment { ...AttachmentFields }\n    forwarded editedAt deletedByPersonAt personReaction\n    edits { body replacedAt }\n    replyTo { id body senderName }\n    location { url mapUrl }\n    order { catalogId text total currency items { retailerId quantity itemPrice currency } }\n    formAnswers { label value }\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id body senderType senderName createdAt internal deliveryStatus deliveryError templateName\n    author { id name }\n    attachment { ...AttachmentFields }\n    forwarded editedAt deletedByPersonAt personReaction\n    edits { body replacedAt }\n    replyTo { id body senderName }\n    location { url mapUrl }\n    order { catalogId text total currency items { retailerId quantity itemPrice currency } }\n    formAnswers { label value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketFields on Ticket {\n    id status priority updatedAt resolvedAt lastMessageAt messageCount unreadCount firstResponseAt replyWindowClosesAt\n    snoozed snoozedAt snoozedUntil snoozedBy { id name }\n    sla { state firstResponseDueAt resolutionDueAt }\n    assignee { id name }\n    labels { id name color }\n    satisfaction { rating comment ratedAt }\n  }\n"): (typeof documents)["\n  fragment TicketFields on Ticket {\n    id status priority updatedAt resolvedAt lastMessageAt messageCount unreadCount firstResponseAt replyWindowClosesAt\n    snoozed snoozedAt snoozedUntil snoozedBy { id name }\n    sla { state firstResponseDueAt resolutionDueAt }\n    assignee { id name }\n    labels { id name color }\n    satisfaction { rating comment ratedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketDetail($id: ID!) {\n    ticket(id: $id) {\n      ...TicketFields\n      phoneNumber username senderName issueDescription studentId createdAt\n      contact { phoneNumber notes }\n      referral { headline body sourceUrl sourceType mediaType }\n      botConversation { from text at }\n      messages(last: 100) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketDetail($id: ID!) {\n    ticket(id: $id) {\n      ...TicketFields\n      phoneNumber username senderName issueDescription studentId createdAt\n      contact { phoneNumber notes }\n      referral { headline body sourceUrl sourceType mediaType }\n      botConversation { from text at }\n      messages(last: 100) {\n        totalCount\n        edges { cursor node { ...MessageFields } }\n        pageInfo { hasPreviousPage startCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketMessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) { ...MessageFields }\n  }\n"): (typeof documents)["\n  subscription TicketMessageAdded($ticketId: ID!) {\n    messageAdded(ticketId: $ticketId) { ...MessageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketMessageUpdated($ticketId: ID!) {\n    messageUpdated(ticketId: $ticketId) { ...MessageFields }\n  }\n"): (typeof documents)["\n  subscription TicketMessageUpdated($ticketId: ID!) {\n    messageUpdated(ticketId: $ticketId) { ...MessageFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketDetailUpdated($id: ID!) {\n    ticketUpdated(id: $id) { ...TicketFields }\n  }\n"): (typeof documents)["\n  subscription TicketDetailUpdated($id: ID!) {\n    ticketUpdated(id: $id) { ...TicketFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkTicketRead($ticketId: ID!) {\n    markTicketRead(ticketId: $ticketId) { id unreadCount }\n  }\n"): (typeof documents)["\n  mutation MarkTicketRead($ticketId: ID!) {\n    markTicketRead(ticketId: $ticketId) { id unreadCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewCounts {\n    notifications { activeTickets unassigned assignedToMe unreadMentions }\n  }\n"): (typeof documents)["\n  query ViewCounts {\n    notifications { activeTickets unassigned assignedToMe unreadMentions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedViews {\n    savedViews {\n      id name shared viewerCanEdit ticketCount\n      filters { status snoozed priority assignee assigneeId labelIds slaState search orderField orderDirection }\n    }\n  }\n"): (typeof documents)["\n  query SavedViews {\n    savedViews {\n      id name shared viewerCanEdit ticketCount\n      filters { status snoozed priority assignee assigneeId labelIds slaState search orderField orderDirection }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) { id name }\n  }\n"): (typeof documents)["\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DisabledWebhookEndpoints {\n    notifications { disabledWebhookEndpoints }\n  }\n"): (typeof documents)["\n  query DisabledWebhookEndpoints {\n    notifications { disabledWebhookEndpoints }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id url description events enabled disabledAt disabledReason failingSince createdAt lastDeliveryAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id url description events enabled disabledAt disabledReason failingSince createdAt lastDeliveryAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints { ...WebhookEndpointFields }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints { ...WebhookEndpointFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoint(id: $id) {\n      ...WebhookEndpointFields\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id eventId eventType ticketId status attempts lastStatusCode lastError createdAt deliveredAt nextAttemptAt payload\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoint(id: $id) {\n      ...WebhookEndpointFields\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id eventId eventType ticketId status attempts lastStatusCode lastError createdAt deliveredAt nextAttemptAt payload\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) { id status attempts lastStatusCode lastError deliveredAt nextAttemptAt }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhookDelivery($id: ID!) {\n    redeliverWebhookDelivery(id: $id) { id status attempts lastStatusCode lastError deliveredAt nextAttemptAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation PingWebhookEndpoint($id: ID!) {\n    pingWebhookEndpoint(id: $id) { id status }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;