import { Migration } from '@mikro-orm/migrations';

export class Migration20261125044652 extends Migration {
  override name = 'Migration20261125044652';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`desk_settings\` (\`id\` integer not null primary key default 1, \`time_zone\` text null, \`opening_hours\` json not null, \`holidays\` json not null, \`sla_targets\` json not null, \`sla_at_risk_percent\` integer not null default 80, \`updated_at\` datetime not null, \`version\` integer not null default 1);`,
    );

    this.addSql(`alter table \`contacts\` add column \`after_hours_notice_at\` datetime null;`);

    this.addSql(`alter table \`support_tickets\` add column \`sla_starts_at\` datetime null;`);
    this.addSql(`alter table \`support_tickets\` add column \`first_response_due_at\` datetime null;`);
    this.addSql(`alter table \`support_tickets\` add column \`first_response_risk_at\` datetime null;`);
    this.addSql(`alter table \`support_tickets\` add column \`resolution_due_at\` datetime null;`);
    this.addSql(`alter table \`support_tickets\` add column \`resolution_risk_at\` datetime null;`);
    this.addSql(`alter table \`support_tickets\` add column \`sla_due_at\` datetime null;`);
    this.addSql(`alter table \`support_tickets\` add column \`sla_breached_at\` datetime null;`);
    this.addSql(`create index \`support_tickets_sla_due_at_index\` on \`support_tickets\` (\`sla_due_at\`);`);
    this.addSql(
      `create index \`support_tickets_status_sla_breached_at_resolution_due_at_index\` on \`support_tickets\` (\`status\`, \`sla_breached_at\`, \`resolution_due_at\`);`,
    );
    this.addSql(
      `create index \`support_tickets_status_sla_breached_at_first_response_due_at_index\` on \`support_tickets\` (\`status\`, \`sla_breached_at\`, \`first_response_due_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`desk_settings\`;`);

    this.addSql(`alter table \`contacts\` drop column \`after_hours_notice_at\`;`);

    this.addSql(`drop index \`support_tickets_sla_due_at_index\`;`);
    this.addSql(`drop index \`support_tickets_status_sla_breached_at_resolution_due_at_index\`;`);
    this.addSql(`drop index \`support_tickets_status_sla_breached_at_first_response_due_at_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`sla_starts_at\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`first_response_due_at\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`first_response_risk_at\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`resolution_due_at\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`resolution_risk_at\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`sla_due_at\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`sla_breached_at\`;`);
  }
}
