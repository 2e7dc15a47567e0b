import { Migration } from '@mikro-orm/migrations';

export class Migration20261125064420 extends Migration {
  override name = 'Migration20261125064420';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`support_tickets\` add \`first_response_seconds\` int null, add \`first_response_business_seconds\` int null, add \`resolution_seconds\` int null, add \`resolution_business_seconds\` int null;`,
    );
    // Written by hand: durations of tickets answered or resolved already, from their timestamps. In business
    // time only when the desk keeps no hours (then it is calendar time); otherwise left out of business reports.
    this.addSql(
      `update \`support_tickets\` set \`first_response_seconds\` = timestampdiff(second, coalesce(\`sla_starts_at\`, \`created_at\`), \`first_response_at\`) where \`first_response_at\` is not null;`,
    );
    this.addSql(
      `update \`support_tickets\` set \`resolution_seconds\` = timestampdiff(second, coalesce(\`sla_starts_at\`, \`created_at\`), \`resolved_at\`) where \`resolved_at\` is not null;`,
    );
    this.addSql(
      `update \`support_tickets\` set \`first_response_business_seconds\` = \`first_response_seconds\`, \`resolution_business_seconds\` = \`resolution_seconds\` where not exists (select 1 from \`desk_settings\` where \`opening_hours\` <> '[]');`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_report_resolved_index\` (\`resolved_at\`, \`assigned_admin_id\`, \`resolution_seconds\`, \`resolution_business_seconds\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_report_first_response_index\` (\`first_response_at\`, \`assigned_admin_id\`, \`first_response_seconds\`, \`first_response_business_seconds\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_report_opened_index\` (\`created_at\`, \`assigned_admin_id\`, \`resolved_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_report_resolved_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_report_first_response_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_report_opened_index\`;`);
    this.addSql(
      `alter table \`support_tickets\` drop column \`first_response_seconds\`, drop column \`first_response_business_seconds\`, drop column \`resolution_seconds\`, drop column \`resolution_business_seconds\`;`,
    );
  }
}
