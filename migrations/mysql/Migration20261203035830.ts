import { Migration } from '@mikro-orm/migrations';

export class Migration20261203035830 extends Migration {
  override name = 'Migration20261203035830';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`support_messages\` add fulltext index \`support_messages_message_fulltext\`(\`message\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`support_messages\` drop index \`support_messages_message_fulltext\`;`);
  }
}
