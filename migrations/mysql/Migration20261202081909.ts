import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081909 extends Migration {
  override name = 'Migration20261202081909';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`inbound_failures\` (\`id\` int unsigned not null auto_increment primary key, \`element_key\` varchar(64) not null, \`kind\` varchar(16) not null, \`state\` enum('PARKED','RESOLVED','DISMISSED') not null default 'PARKED', \`whatsapp_id\` varchar(128) null, \`sender\` varchar(32) null, \`field\` varchar(64) null, \`phone_number_id\` varchar(64) null, \`raw\` json not null, \`error_code\` varchar(64) not null, \`error_message\` varchar(512) not null, \`attempts\` int not null default 1, \`received_at\` datetime(3) not null, \`last_failed_at\` datetime(3) not null, \`closed_at\` datetime(3) null, \`closed_by\` int null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`inbound_failures\` add unique \`inbound_failures_element_key_unique\` (\`element_key\`);`,
    );
    this.addSql(`alter table \`inbound_failures\` add index \`inbound_failures_state_id_index\` (\`state\`, \`id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`inbound_failures\`;`);
  }
}
