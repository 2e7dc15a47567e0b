import { Migration } from '@mikro-orm/migrations';

export class Migration20261203035928 extends Migration {
  override name = 'Migration20261203035928';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`webhook_endpoints\` (\`id\` integer not null primary key autoincrement, \`url\` text not null, \`description\` text null, \`events\` json not null, \`secret\` text not null, \`disabled_at\` datetime null, \`disabled_reason\` text null, \`disabled_by\` integer null, \`failing_since\` datetime null, \`created_at\` datetime not null, \`last_delivery_at\` datetime null);`,
    );

    this.addSql(
      `create table \`webhook_deliveries\` (\`id\` integer not null primary key autoincrement, \`endpoint_id\` integer not null, \`event_id\` text not null, \`event_type\` text check (\`event_type\` in ('TICKET_CREATED', 'TICKET_UPDATED', 'TICKET_RESOLVED', 'MESSAGE_ADDED', 'ASSIGNMENT_CHANGED', 'RATING_RECEIVED', 'PING')) not null, \`ticket_id\` integer null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`attempts\` integer not null default 0, \`last_status_code\` integer null, \`last_error\` text null, \`created_at\` datetime not null, \`delivered_at\` datetime null, \`next_attempt_at\` datetime null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`payload\` text not null, constraint \`webhook_deliveries_endpoint_id_foreign\` foreign key (\`endpoint_id\`) references \`webhook_endpoints\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`webhook_deliveries_endpoint_id_index\` on \`webhook_deliveries\` (\`endpoint_id\`);`);
    this.addSql(
      `create index \`webhook_deliveries_status_created_at_index\` on \`webhook_deliveries\` (\`status\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`webhook_deliveries_endpoint_id_ticket_id_status_index\` on \`webhook_deliveries\` (\`endpoint_id\`, \`ticket_id\`, \`status\`);`,
    );
    this.addSql(
      `create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`webhook_endpoints\`;`);
    this.addSql(`drop table if exists \`webhook_deliveries\`;`);
  }
}
