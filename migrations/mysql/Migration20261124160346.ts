import { Migration } from '@mikro-orm/migrations';

export class Migration20261124160346 extends Migration {
  override name = 'Migration20261124160346';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`admins\` (\`id\` int unsigned not null auto_increment primary key, \`email\` varchar(254) not null, \`name\` varchar(120) not null, \`role\` enum('ADMIN','AGENT') not null default 'AGENT', \`password_hash\` varchar(255) not null, \`active\` tinyint(1) not null default true, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`admins\` add unique \`admins_email_unique\` (\`email\`);`);

    this.addSql(
      `create table \`api_tokens\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(120) not null, \`token_hash\` varchar(64) not null, \`scopes\` json not null, \`created_by_id\` int unsigned not null, \`created_at\` datetime(3) not null, \`expires_at\` datetime(3) null, \`revoked_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`api_tokens\` add unique \`api_tokens_token_hash_unique\` (\`token_hash\`);`);
    this.addSql(`alter table \`api_tokens\` add index \`api_tokens_created_by_id_index\` (\`created_by_id\`);`);

    this.addSql(
      `create table \`audit_log\` (\`id\` int unsigned not null auto_increment primary key, \`actor_id\` int null, \`actor_label\` varchar(160) not null, \`action\` varchar(64) not null, \`ticket_id\` int null, \`before\` json null, \`after\` json null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`audit_log\` add index \`audit_log_actor_id_created_at_index\` (\`actor_id\`, \`created_at\`);`,
    );
    this.addSql(
      `alter table \`audit_log\` add index \`audit_log_ticket_id_created_at_index\` (\`ticket_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`auth_sessions\` (\`id\` int unsigned not null auto_increment primary key, \`token_hash\` varchar(64) not null, \`admin_id\` int unsigned not null, \`created_at\` datetime(3) not null, \`expires_at\` datetime(3) not null, \`revoked_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`auth_sessions\` add unique \`auth_sessions_token_hash_unique\` (\`token_hash\`);`);
    this.addSql(`alter table \`auth_sessions\` add index \`auth_sessions_admin_id_index\` (\`admin_id\`);`);

    this.addSql(
      `create table \`contacts\` (\`id\` int unsigned not null auto_increment primary key, \`phone_number\` varchar(32) not null, \`name\` varchar(255) null, \`student_id\` varchar(64) null, \`conversation_state\` enum('MENU','AWAITING_ISSUE','IN_SUPPORT') not null default 'MENU', \`open_ticket_id\` int null, \`last_inbound_at\` datetime(3) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`contacts\` add unique \`contacts_phone_number_unique\` (\`phone_number\`);`);

    this.addSql(
      `create table \`whatsapp_early_receipts\` (\`id\` int unsigned not null auto_increment primary key, \`whatsapp_message_id\` varchar(128) not null, \`status\` varchar(16) not null, \`error_code\` int null, \`error_title\` varchar(255) null, \`received_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`whatsapp_early_receipts\` add index \`whatsapp_early_receipts_whatsapp_message_id_index\` (\`whatsapp_message_id\`);`,
    );

    this.addSql(
      `create table \`whatsapp_processed_inbound\` (\`whatsapp_message_id\` varchar(128) not null, \`sender\` varchar(32) not null, \`processed_at\` datetime(3) not null, primary key (\`whatsapp_message_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`support_tickets\` (\`id\` int unsigned not null auto_increment primary key, \`phone_number\` varchar(32) not null, \`sender_name\` varchar(255) null, \`issue_description\` text not null, \`status\` enum('OPEN','IN_PROGRESS','RESOLVED','CLOSED') not null default 'OPEN', \`priority\` enum('LOW','MEDIUM','HIGH','URGENT') not null default 'MEDIUM', \`priority_rank\` smallint not null default 2, \`assigned_admin_id\` int unsigned null, \`student_id\` varchar(64) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`resolved_at\` datetime(3) null, \`first_response_at\` datetime(3) null, \`last_message_at\` datetime(3) null, \`last_user_message_at\` datetime(3) null, \`read_receipt_message_id\` int null, \`version\` int not null default 1) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_assigned_admin_id_index\` (\`assigned_admin_id\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_phone_number_status_index\` (\`phone_number\`, \`status\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_assigned_admin_id_status_index\` (\`assigned_admin_id\`, \`status\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_status_priority_rank_index\` (\`status\`, \`priority_rank\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_status_created_at_index\` (\`status\`, \`created_at\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_status_last_message_at_index\` (\`status\`, \`last_message_at\`);`,
    );
    this.addSql(
      `alter table \`support_tickets\` add index \`support_tickets_status_updated_at_index\` (\`status\`, \`updated_at\`);`,
    );

    this.addSql(
      `create table \`support_messages\` (\`id\` int unsigned not null auto_increment primary key, \`ticket_id\` int unsigned not null, \`sender_type\` enum('USER','ADMIN','BOT','SYSTEM') not null, \`sender_name\` varchar(255) null, \`message\` text not null, \`created_at\` datetime(3) not null, \`whatsapp_message_id\` varchar(128) null, \`delivery_status\` enum('PENDING','SENT','DELIVERED','READ','FAILED') null, \`delivery_error\` varchar(512) null, \`internal\` tinyint(1) not null default false, \`author_id\` int unsigned null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`support_messages\` add index \`support_messages_ticket_id_index\` (\`ticket_id\`);`);
    this.addSql(
      `alter table \`support_messages\` add unique \`support_messages_whatsapp_message_id_unique\` (\`whatsapp_message_id\`);`,
    );
    this.addSql(`alter table \`support_messages\` add index \`support_messages_author_id_index\` (\`author_id\`);`);
    this.addSql(
      `alter table \`support_messages\` add index \`support_messages_ticket_id_sender_type_index\` (\`ticket_id\`, \`sender_type\`);`,
    );
    this.addSql(
      `alter table \`support_messages\` add index \`support_messages_ticket_id_created_at_index\` (\`ticket_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`whatsapp_outbox\` (\`id\` int unsigned not null auto_increment primary key, \`recipient\` varchar(32) not null, \`payload\` json not null, \`message_id\` int unsigned null, \`state\` enum('PENDING','SENDING','SENT','FAILED') not null default 'PENDING', \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) not null, \`claimed_by\` varchar(64) null, \`claimed_until\` datetime(3) null, \`last_error\` varchar(512) null, \`created_at\` datetime(3) not null, \`sent_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`whatsapp_outbox\` add index \`whatsapp_outbox_message_id_index\` (\`message_id\`);`);
    this.addSql(
      `alter table \`whatsapp_outbox\` add index \`whatsapp_outbox_recipient_state_index\` (\`recipient\`, \`state\`);`,
    );
    this.addSql(
      `alter table \`whatsapp_outbox\` add index \`whatsapp_outbox_state_next_attempt_at_index\` (\`state\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `create table \`support_ticket_reads\` (\`id\` int unsigned not null auto_increment primary key, \`ticket_id\` int unsigned not null, \`admin_id\` int unsigned not null, \`last_read_message_id\` int not null default 0, \`read_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`support_ticket_reads\` add index \`support_ticket_reads_ticket_id_index\` (\`ticket_id\`);`,
    );
    this.addSql(
      `alter table \`support_ticket_reads\` add index \`support_ticket_reads_admin_id_index\` (\`admin_id\`);`,
    );
    this.addSql(
      `alter table \`support_ticket_reads\` add unique \`support_ticket_reads_ticket_id_admin_id_unique\` (\`ticket_id\`, \`admin_id\`);`,
    );

    this.addSql(
      `alter table \`api_tokens\` add constraint \`api_tokens_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`admins\` (\`id\`) on delete cascade;`,
    );

    this.addSql(
      `alter table \`auth_sessions\` add constraint \`auth_sessions_admin_id_foreign\` foreign key (\`admin_id\`) references \`admins\` (\`id\`) on delete cascade;`,
    );

    this.addSql(
      `alter table \`support_tickets\` add constraint \`support_tickets_assigned_admin_id_foreign\` foreign key (\`assigned_admin_id\`) references \`admins\` (\`id\`) on delete set null;`,
    );

    this.addSql(
      `alter table \`support_messages\` add constraint \`support_messages_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`support_messages\` add constraint \`support_messages_author_id_foreign\` foreign key (\`author_id\`) references \`admins\` (\`id\`) on delete set null;`,
    );

    this.addSql(
      `alter table \`whatsapp_outbox\` add constraint \`whatsapp_outbox_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete set null;`,
    );

    this.addSql(
      `alter table \`support_ticket_reads\` add constraint \`support_ticket_reads_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`support_ticket_reads\` add constraint \`support_ticket_reads_admin_id_foreign\` foreign key (\`admin_id\`) references \`admins\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`api_tokens\` drop foreign key \`api_tokens_created_by_id_foreign\`;`);
    this.addSql(`alter table \`auth_sessions\` drop foreign key \`auth_sessions_admin_id_foreign\`;`);
    this.addSql(`alter table \`support_tickets\` drop foreign key \`support_tickets_assigned_admin_id_foreign\`;`);
    this.addSql(`alter table \`support_messages\` drop foreign key \`support_messages_author_id_foreign\`;`);
    this.addSql(`alter table \`support_ticket_reads\` drop foreign key \`support_ticket_reads_admin_id_foreign\`;`);
    this.addSql(`alter table \`support_messages\` drop foreign key \`support_messages_ticket_id_foreign\`;`);
    this.addSql(`alter table \`support_ticket_reads\` drop foreign key \`support_ticket_reads_ticket_id_foreign\`;`);
    this.addSql(`alter table \`whatsapp_outbox\` drop foreign key \`whatsapp_outbox_message_id_foreign\`;`);

    this.addSql(`drop table if exists \`admins\`;`);
    this.addSql(`drop table if exists \`api_tokens\`;`);
    this.addSql(`drop table if exists \`audit_log\`;`);
    this.addSql(`drop table if exists \`auth_sessions\`;`);
    this.addSql(`drop table if exists \`contacts\`;`);
    this.addSql(`drop table if exists \`whatsapp_early_receipts\`;`);
    this.addSql(`drop table if exists \`whatsapp_processed_inbound\`;`);
    this.addSql(`drop table if exists \`support_tickets\`;`);
    this.addSql(`drop table if exists \`support_messages\`;`);
    this.addSql(`drop table if exists \`whatsapp_outbox\`;`);
    this.addSql(`drop table if exists \`support_ticket_reads\`;`);
  }
}
