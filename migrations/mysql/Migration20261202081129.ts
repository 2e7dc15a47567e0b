import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081129 extends Migration {
  override name = 'Migration20261202081129';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`contacts\` add \`whatsapp_user_id\` varchar(140) null, add \`username\` varchar(128) null;`,
    );
    this.addSql(`alter table \`contacts\` modify \`phone_number\` varchar(140) not null;`);
    this.addSql(`alter table \`contacts\` add unique \`contacts_whatsapp_user_id_unique\` (\`whatsapp_user_id\`);`);

    this.addSql(`alter table \`whatsapp_processed_inbound\` modify \`sender\` varchar(140) not null;`);

    this.addSql(`alter table \`support_tickets\` modify \`phone_number\` varchar(140) not null;`);

    this.addSql(`alter table \`whatsapp_outbox\` modify \`recipient\` varchar(140) not null;`);

    this.addSql(`alter table \`ticket_satisfaction\` modify \`phone_number\` varchar(140) not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` drop index \`contacts_whatsapp_user_id_unique\`;`);
    this.addSql(`alter table \`contacts\` drop column \`whatsapp_user_id\`, drop column \`username\`;`);
    this.addSql(`alter table \`contacts\` modify \`phone_number\` varchar(32) not null;`);

    this.addSql(`alter table \`support_tickets\` modify \`phone_number\` varchar(32) not null;`);

    this.addSql(`alter table \`ticket_satisfaction\` modify \`phone_number\` varchar(32) not null;`);

    this.addSql(`alter table \`whatsapp_outbox\` modify \`recipient\` varchar(32) not null;`);

    this.addSql(`alter table \`whatsapp_processed_inbound\` modify \`sender\` varchar(32) not null;`);
  }
}
