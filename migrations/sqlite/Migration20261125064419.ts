import { Migration } from '@mikro-orm/migrations';

export class Migration20261125064419 extends Migration {
  override name = 'Migration20261125064419';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` add column \`first_response_seconds\` integer null;`);
    this.addSql(`alter table \`support_tickets\` add column \`first_response_business_seconds\` integer null;`);
    this.addSql(`alter table \`support_tickets\` add column \`resolution_seconds\` integer null;`);
    this.addSql(`alter table \`support_tickets\` add column \`resolution_business_seconds\` integer null;`);
    // Written by hand: durations of tickets answered or resolved already, from their timestamps. In business
    // time only when the desk keeps no hours (then it is calendar time); otherwise left out of business reports.
    this.addSql(
      `update \`support_tickets\` set \`first_response_seconds\` = ((\`first_response_at\` - coalesce(\`sla_starts_at\`, \`created_at\`)) / 1000) where \`first_response_at\` is not null;`,
    );
    this.addSql(
      `update \`support_tickets\` set \`resolution_seconds\` = ((\`resolved_at\` - coalesce(\`sla_starts_at\`, \`created_at\`)) / 1000) where \`resolved_at\` is not null;`,
    );
    this.addSql(
      `update \`support_tickets\` set \`first_response_business_seconds\` = \`first_response_seconds\`, \`resolution_business_seconds\` = \`resolution_seconds\` where not exists (select 1 from \`desk_settings\` where \`opening_hours\` <> '[]');`,
    );
    this.addSql(
      `create index \`support_tickets_report_resolved_index\` on \`support_tickets\` (\`resolved_at\`, \`assigned_admin_id\`, \`resolution_seconds\`, \`resolution_business_seconds\`);`,
    );
    this.addSql(
      `create index \`support_tickets_report_first_response_index\` on \`support_tickets\` (\`first_response_at\`, \`assigned_admin_id\`, \`first_response_seconds\`, \`first_response_business_seconds\`);`,
    );
    this.addSql(
      `create index \`support_tickets_report_opened_index\` on \`support_tickets\` (\`created_at\`, \`assigned_admin_id\`, \`resolved_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`support_tickets_report_resolved_index\`;`);
    this.addSql(`drop index \`support_tickets_report_first_response_index\`;`);
    this.addSql(`drop index \`support_tickets_report_opened_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`first_response_seconds\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`first_response_business_seconds\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`resolution_seconds\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`resolution_business_seconds\`;`);
  }
}
