import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081118 extends Migration {
  override name = 'Migration20261202081118';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` add column \`whatsapp_user_id\` text null;`);
    this.addSql(`alter table \`contacts\` add column \`username\` text null;`);
    this.addSql(`create unique index \`contacts_whatsapp_user_id_unique\` on \`contacts\` (\`whatsapp_user_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`contacts_whatsapp_user_id_unique\`;`);
    this.addSql(`alter table \`contacts\` drop column \`whatsapp_user_id\`;`);
    this.addSql(`alter table \`contacts\` drop column \`username\`;`);
  }
}
