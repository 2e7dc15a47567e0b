import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081811 extends Migration {
  override name = 'Migration20261202081811';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`support_tickets\` add \`referral\` json null;`);

    this.addSql(
      `alter table \`support_messages\` add \`reply_to_whatsapp_id\` varchar(128) null, add \`forwarded\` varchar(24) null, add \`edited_at\` datetime(3) null, add \`edit_history\` json null, add \`deleted_by_person_at\` datetime(3) null, add \`person_reaction\` varchar(32) null, add \`details\` json null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table \`support_messages\` drop column \`reply_to_whatsapp_id\`, drop column \`forwarded\`, drop column \`edited_at\`, drop column \`edit_history\`, drop column \`deleted_by_person_at\`, drop column \`person_reaction\`, drop column \`details\`;`,
    );

    this.addSql(`alter table \`support_tickets\` drop column \`referral\`;`);
  }
}
