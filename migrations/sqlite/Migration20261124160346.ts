import { Migration } from '@mikro-orm/migrations';

export class Migration20261124160346 extends Migration {
  override name = 'Migration20261124160346';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`admins\` (\`id\` integer not null primary key autoincrement, \`email\` text not null, \`name\` text not null, \`role\` text check (\`role\` in ('ADMIN', 'AGENT')) not null default 'AGENT', \`password_hash\` text not null, \`active\` integer not null default true, \`created_at\` datetime not null);`,
    );
    this.addSql(`create unique index \`admins_email_unique\` on \`admins\` (\`email\`);`);

    this.addSql(
      `create table \`api_tokens\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`token_hash\` text not null, \`scopes\` json not null, \`created_by_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime null, \`revoked_at\` datetime null, constraint \`api_tokens_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`admins\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create unique index \`api_tokens_token_hash_unique\` on \`api_tokens\` (\`token_hash\`);`);
    this.addSql(`create index \`api_tokens_created_by_id_index\` on \`api_tokens\` (\`created_by_id\`);`);

    this.addSql(
      `create table \`audit_log\` (\`id\` integer not null primary key autoincrement, \`actor_id\` integer null, \`actor_label\` text not null, \`action\` text not null, \`ticket_id\` integer null, \`before\` json null, \`after\` json null, \`created_at\` datetime not null);`,
    );
    this.addSql(
      `create index \`audit_log_actor_id_created_at_index\` on \`audit_log\` (\`actor_id\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`audit_log_ticket_id_created_at_index\` on \`audit_log\` (\`ticket_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`auth_sessions\` (\`id\` integer not null primary key autoincrement, \`token_hash\` text not null, \`admin_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, constraint \`auth_sessions_admin_id_foreign\` foreign key (\`admin_id\`) references \`admins\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create unique index \`auth_sessions_token_hash_unique\` on \`auth_sessions\` (\`token_hash\`);`);
    this.addSql(`create index \`auth_sessions_admin_id_index\` on \`auth_sessions\` (\`admin_id\`);`);

    this.addSql(
      `create table \`contacts\` (\`id\` integer not null primary key autoincrement, \`phone_number\` text not null, \`name\` text null, \`student_id\` text null, \`conversation_state\` text check (\`conversation_state\` in ('MENU', 'AWAITING_ISSUE', 'IN_SUPPORT')) not null default 'MENU', \`open_ticket_id\` integer null, \`last_inbound_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`,
    );
    this.addSql(`create unique index \`contacts_phone_number_unique\` on \`contacts\` (\`phone_number\`);`);

    this.addSql(
      `create table \`whatsapp_early_receipts\` (\`id\` integer not null primary key autoincrement, \`whatsapp_message_id\` text not null, \`status\` text not null, \`error_code\` integer null, \`error_title\` text null, \`received_at\` datetime not null);`,
    );
    this.addSql(
      `create index \`whatsapp_early_receipts_whatsapp_message_id_index\` on \`whatsapp_early_receipts\` (\`whatsapp_message_id\`);`,
    );

    this.addSql(
      `create table \`whatsapp_processed_inbound\` (\`whatsapp_message_id\` text not null primary key, \`sender\` text not null, \`processed_at\` datetime not null);`,
    );

    this.addSql(
      `create table \`support_tickets\` (\`id\` integer not null primary key autoincrement, \`phone_number\` text not null, \`sender_name\` text null, \`issue_description\` text not null, \`status\` text check (\`status\` in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')) not null default 'OPEN', \`priority\` text check (\`priority\` in ('LOW', 'MEDIUM', 'HIGH', 'URGENT')) not null default 'MEDIUM', \`priority_rank\` integer not null default 2, \`assigned_admin_id\` integer null, \`student_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`resolved_at\` datetime null, \`first_response_at\` datetime null, \`last_message_at\` datetime null, \`last_user_message_at\` datetime null, \`read_receipt_message_id\` integer null, \`version\` integer not null default 1, constraint \`support_tickets_assigned_admin_id_foreign\` foreign key (\`assigned_admin_id\`) references \`admins\` (\`id\`) on delete set null);`,
    );
    this.addSql(
      `create index \`support_tickets_assigned_admin_id_index\` on \`support_tickets\` (\`assigned_admin_id\`);`,
    );
    this.addSql(
      `create index \`support_tickets_phone_number_status_index\` on \`support_tickets\` (\`phone_number\`, \`status\`);`,
    );
    this.addSql(
      `create index \`support_tickets_assigned_admin_id_status_index\` on \`support_tickets\` (\`assigned_admin_id\`, \`status\`);`,
    );
    this.addSql(
      `create index \`support_tickets_status_priority_rank_index\` on \`support_tickets\` (\`status\`, \`priority_rank\`);`,
    );
    this.addSql(
      `create index \`support_tickets_status_created_at_index\` on \`support_tickets\` (\`status\`, \`created_at\`);`,
    );
    this.addSql(
      `create index \`support_tickets_status_last_message_at_index\` on \`support_tickets\` (\`status\`, \`last_message_at\`);`,
    );
    this.addSql(
      `create index \`support_tickets_status_updated_at_index\` on \`support_tickets\` (\`status\`, \`updated_at\`);`,
    );

    this.addSql(
      `create table \`support_messages\` (\`id\` integer not null primary key autoincrement, \`ticket_id\` integer not null, \`sender_type\` text check (\`sender_type\` in ('USER', 'ADMIN', 'BOT', 'SYSTEM')) not null, \`sender_name\` text null, \`message\` text not null, \`created_at\` datetime not null, \`whatsapp_message_id\` text null, \`delivery_status\` text check (\`delivery_status\` in ('PENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED')) null, \`delivery_error\` text null, \`internal\` integer not null default false, \`author_id\` integer null, constraint \`support_messages_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade, constraint \`support_messages_author_id_foreign\` foreign key (\`author_id\`) references \`admins\` (\`id\`) on delete set null);`,
    );
    this.addSql(`create index \`support_messages_ticket_id_index\` on \`support_messages\` (\`ticket_id\`);`);
    this.addSql(
      `create unique index \`support_messages_whatsapp_message_id_unique\` on \`support_messages\` (\`whatsapp_message_id\`);`,
    );
    this.addSql(`create index \`support_messages_author_id_index\` on \`support_messages\` (\`author_id\`);`);
    this.addSql(
      `create index \`support_messages_ticket_id_sender_type_index\` on \`support_messages\` (\`ticket_id\`, \`sender_type\`);`,
    );
    this.addSql(
      `create index \`support_messages_ticket_id_created_at_index\` on \`support_messages\` (\`ticket_id\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`whatsapp_outbox\` (\`id\` integer not null primary key autoincrement, \`recipient\` text not null, \`payload\` json not null, \`message_id\` integer null, \`state\` text check (\`state\` in ('PENDING', 'SENDING', 'SENT', 'FAILED')) not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null, constraint \`whatsapp_outbox_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete set null);`,
    );
    this.addSql(`create index \`whatsapp_outbox_message_id_index\` on \`whatsapp_outbox\` (\`message_id\`);`);
    this.addSql(
      `create index \`whatsapp_outbox_recipient_state_index\` on \`whatsapp_outbox\` (\`recipient\`, \`state\`);`,
    );
    this.addSql(
      `create index \`whatsapp_outbox_state_next_attempt_at_index\` on \`whatsapp_outbox\` (\`state\`, \`next_attempt_at\`);`,
    );

    this.addSql(
      `create table \`support_ticket_reads\` (\`id\` integer not null primary key autoincrement, \`ticket_id\` integer not null, \`admin_id\` integer not null, \`last_read_message_id\` integer not null default 0, \`read_at\` datetime not null, constraint \`support_ticket_reads_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade, constraint \`support_ticket_reads_admin_id_foreign\` foreign key (\`admin_id\`) references \`admins\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`support_ticket_reads_ticket_id_index\` on \`support_ticket_reads\` (\`ticket_id\`);`);
    this.addSql(`create index \`support_ticket_reads_admin_id_index\` on \`support_ticket_reads\` (\`admin_id\`);`);
    this.addSql(
      `create unique index \`support_ticket_reads_ticket_id_admin_id_unique\` on \`support_ticket_reads\` (\`ticket_id\`, \`admin_id\`);`,
    );
  }

  override down(): void | Promise<void> {
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
