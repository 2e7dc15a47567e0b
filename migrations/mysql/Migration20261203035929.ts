import { Migration } from '@mikro-orm/migrations';

export class Migration20261203035929 extends Migration {
  override name = 'Migration20261203035929';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`webhook_endpoints\` (\`id\` int unsigned not null auto_increment primary key, \`url\` varchar(2048) not null, \`description\` varchar(200) null, \`events\` json not null, \`secret\` varchar(100) not null, \`disabled_at\` datetime(3) null, \`disabled_reason\` varchar(200) null, \`disabled_by\` int null, \`failing_since\` datetime(3) null, \`created_at\` datetime(3) not null, \`last_delivery_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`webhook_deliveries\` (\`id\` int unsigned not null auto_increment primary key, \`endpoint_id\` int unsigned not null, \`event_id\` varchar(40) not null, \`event_type\` enum('TICKET_CREATED','TICKET_UPDATED','TICKET_RESOLVED','MESSAGE_ADDED','ASSIGNMENT_CHANGED','RATING_RECEIVED','PING') not null, \`ticket_id\` int null, \`status\` enum('PENDING','DELIVERED','FAILED') not null default 'PENDING', \`attempts\` int not null default 0, \`last_status_code\` int null, \`last_error\` varchar(512) null, \`created_at\` datetime(3) not null, \`delivered_at\` datetime(3) null, \`next_attempt_at\` datetime(3) null, \`claimed_by\` varchar(64) null, \`claimed_until\` datetime(3) null, \`payload\` text not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`webhook_deliveries\` add index \`webhook_deliveries_endpoint_id_index\` (\`endpoint_id\`);`,
    );
    this.addSql(
      `alter table \`webhook_deliveries\` add index \`webhook_deliveries_status_created_at_index\` (\`status\`, \`created_at\`);`,
    );
    this.addSql(
      `alter table \`webhook_deliveries\` add index \`webhook_deliveries_endpoint_id_ticket_id_status_index\` (\`endpoint_id\`, \`ticket_id\`, \`status\`);`,
    );
    this.addSql(
      `alter table \`webhook_deliveries\` add index \`webhook_deliveries_status_next_attempt_at_index\` (\`status\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `alter table \`webhook_deliveries\` add constraint \`webhook_deliveries_endpoint_id_foreign\` foreign key (\`endpoint_id\`) references \`webhook_endpoints\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`webhook_deliveries\` drop foreign key \`webhook_deliveries_endpoint_id_foreign\`;`);

    this.addSql(`drop table if exists \`webhook_endpoints\`;`);
    this.addSql(`drop table if exists \`webhook_deliveries\`;`);
  }
}
