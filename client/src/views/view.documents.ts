// The ticket list's tabs: their live counts, and the saved views with theirs.
import { graphql } from '../gql';

/** The tabs' counts; the header's notificationsChanged subscription keeps the same cached object current. */
export const VIEW_COUNTS = graphql(`
  query ViewCounts {
    notifications { activeTickets unassigned assignedToMe unreadMentions }
  }
`);

export const SAVED_VIEWS = graphql(`
  query SavedViews {
    savedViews {
      id name shared viewerCanEdit ticketCount
      filters { status snoozed priority assignee assigneeId labelIds slaState search orderField orderDirection }
    }
  }
`);

export const CREATE_SAVED_VIEW = graphql(`
  mutation CreateSavedView($input: CreateSavedViewInput!) {
    createSavedView(input: $input) { id name }
  }
`);

export const RENAME_SAVED_VIEW = graphql(`
  mutation RenameSavedView($id: ID!, $name: String!) {
    updateSavedView(id: $id, input: { name: $name }) { id name }
  }
`);

export const DELETE_SAVED_VIEW = graphql(`
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id)
  }
`);
