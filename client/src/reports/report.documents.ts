import { graphql } from '../gql';

export const REPORT_FIELDS = graphql(`
  fragment DeskReportFields on DeskReport {
    from to timeZone hours opened resolved backlogAtStart backlogAtEnd generatedAt
    firstResponse { count medianSeconds p90Seconds averageSeconds }
    resolution { count medianSeconds p90Seconds averageSeconds }
    satisfaction { good okay bad responses }
    days { date opened resolved backlog }
    agents {
      agent { id name }
      opened resolved backlog
      firstResponse { count medianSeconds p90Seconds }
      resolution { count medianSeconds p90Seconds }
      satisfaction { good okay bad responses }
    }
  }
`);

export const DESK_REPORT = graphql(`
  query DeskReport($input: ReportInput!) {
    deskReport(input: $input) { ...DeskReportFields }
  }
`);

export const DESK_REPORT_LIVE = graphql(`
  subscription DeskReportLive($input: ReportInput!) {
    deskReport(input: $input) { ...DeskReportFields }
  }
`);
