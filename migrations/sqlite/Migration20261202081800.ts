import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081800 extends Migration {
  override name = 'Migration20261202081800';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` add column \`referral\` json null;`);

    this.addSql(`alter table \`support_messages\` add column \`reply_to_whatsapp_id\` text null;`);
    this.addSql(`alter table \`support_messages\` add column \`forwarded\` text null;`);
    this.addSql(`alter table \`support_messages\` add column \`edited_at\` datetime null;`);
    this.addSql(`alter table \`support_messages\` add column \`edit_history\` json null;`);
    this.addSql(`alter table \`support_messages\` add column \`deleted_by_person_at\` datetime null;`);
    this.addSql(`alter table \`support_messages\` add column \`person_reaction\` text null;`);
    this.addSql(`alter table \`support_messages\` add column \`details\` json null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`support_messages\` drop column \`reply_to_whatsapp_id\`;`);
    this.addSql(`alter table \`support_messages\` drop column \`forwarded\`;`);
    this.addSql(`alter table \`support_messages\` drop column \`edited_at\`;`);
    this.addSql(`alter table \`support_messages\` drop column \`edit_history\`;`);
    this.addSql(`alter table \`support_messages\` drop column \`deleted_by_person_at\`;`);
    this.addSql(`alter table \`support_messages\` drop column \`person_reaction\`;`);
    this.addSql(`alter table \`support_messages\` drop column \`details\`;`);

    this.addSql(`alter table \`support_tickets\` drop column \`referral\`;`);
  }
}
