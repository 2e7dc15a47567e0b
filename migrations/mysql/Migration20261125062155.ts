import { Migration } from '@mikro-orm/migrations';

export class Migration20261125062155 extends Migration {

  override name = 'Migration20261125062155';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` add \`first_response_seconds\` int null, add \`first_response_business_seconds\` int null, add \`resolution_seconds\` int null, add \`resolution_business_seconds\` int null;`);
    // Written by hand: durations of tickets answered or resolved already, from their timestamps. In business
    // time only when the desk keeps no hours (then it is calendar time); otherwise left out of business reports.
    this.addSql(`update \`support_tickets\` set \`first_response_seconds\` = timestampdiff(second, coalesce(\`sla_starts_at\`, \`created_at\`), \`first_response_at\`) where \`first_response_at\` is not null;`);
    this.addSql(`update \`support_tickets\` set \`resolution_seconds\` = timestampdiff(second, coalesce(\`sla_starts_at\`, \`created_at\`), \`resolved_at\`) where \`resolved_at\` is not null;`);
    this.addSql(`update \`support_tickets\` set \`first_response_business_seconds\` = \`first_response_seconds\`, \`resolution_business_seconds\` = \`resolution_seconds\` where not exists (select 1 from \`desk_settings\` where \`opening_hours\` <> '[]');`);
    this.addSql(`alter table \`support_tickets\` add index \`support_tickets_resolved_at_index\` (\`resolved_at\`);`);
    this.addSql(`alter table \`support_tickets\` add index \`support_tickets_first_response_at_index\` (\`first_response_at\`);`);
    this.addSql(`alter table \`support_tickets\` add index \`support_tickets_created_at_index\` (\`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_resolved_at_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_first_response_at_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_created_at_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`first_response_seconds\`, drop column \`first_response_business_seconds\`, drop column \`resolution_seconds\`, drop column \`resolution_business_seconds\`;`);
  }

}
