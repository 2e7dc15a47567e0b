import { Migration } from '@mikro-orm/migrations';

export class Migration20261125044653 extends Migration {
  override name = 'Migration20261125044653';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`desk_settings\` (\`id\` int unsigned not null default 1, \`time_zone\` varchar(64) null, \`opening_hours\` json not null, \`holidays\` json not null, \`sla_targets\` json not null, \`sla_at_risk_percent\` smallint not null default 80, \`updated_at\` datetime(3) not null, \`version\` int not null default 1, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(`alter table \`contacts\` add \`after_hours_notice_at\` datetime(3) null;`);

    this.addSql(
      `alter table \`support_tickets\` add \`sla_starts_at\` datetime(3) null, add \`first_response_due_at\` datetime(3) null, add \`first_response_risk_at\` datetime(3) null, add \`resolution_due_at\` datetime(3) null, add \`resolution_risk_at\` datetime(3) null, add \`sla_due_at\` datetime(3) null, add \`sla_breached_at\` datetime(3) null;`,
    );
    this.addSql(`alter table \`support_tickets\` add index \`support_tickets_sla_due_at_index\` (\`sla_due_at\`);`);
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_status_sla_breached_at_resolution_due_at_index\` (\`status\`, \`sla_breached_at\`, \`resolution_due_at\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_status_sla_breached_at_first_respon_6c6b1_index\` (\`status\`, \`sla_breached_at\`, \`first_response_due_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`desk_settings\`;`);

    this.addSql(`alter table \`contacts\` drop column \`after_hours_notice_at\`;`);

    this.addSql(`alter table \`support_tickets\` drop index \`support_tickets_sla_due_at_index\`;`);
    this.addSql(
      `alter table \`support_tickets\` drop index \`support_tickets_status_sla_breached_at_resolution_due_at_index\`;`,
    );
    this.addSql(
      `alter table \`support_tickets\` drop index \`support_tickets_status_sla_breached_at_first_respon_6c6b1_index\`;`,
    );
    this.addSql(
      `alter table \`support_tickets\` drop column \`sla_starts_at\`, drop column \`first_response_due_at\`, drop column \`first_response_risk_at\`, drop column \`resolution_due_at\`, drop column \`resolution_risk_at\`, drop column \`sla_due_at\`, drop column \`sla_breached_at\`;`,
    );
  }
}
