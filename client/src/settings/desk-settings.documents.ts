import { graphql } from '../gql';

export const DESK_SETTINGS = graphql(`
  query DeskSettings {
    businessHours { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }
    slaPolicy { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }
  }
`);

export const SET_BUSINESS_HOURS = graphql(`
  mutation SetBusinessHours($input: BusinessHoursInput!) {
    setBusinessHours(input: $input) { timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt }
  }
`);

export const SET_SLA_POLICY = graphql(`
  mutation SetSlaPolicy($input: SlaPolicyInput!) {
    setSlaPolicy(input: $input) { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent }
  }
`);
