/* embed - write a file as a C string constant, so the documented example
 * config is the very text the binary falls back to.
 * Usage: embed SYMBOL INPUT OUTPUT.c */
#include <stdio.h>

int main(int argc, char **argv)
{
	FILE *in, *out;
	int c, col = 0;
	long n = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: embed SYMBOL INPUT OUTPUT.c\n");
		return 64;
	}
	if (!(in = fopen(argv[2], "rb"))) {
		perror(argv[2]);
		return 66;
	}
	if (!(out = fopen(argv[3], "w"))) {
		perror(argv[3]);
		fclose(in);
		return 73;
	}
	fprintf(out, "/* generated from %s by tools/embed; do not edit */\n", argv[2]);
	fprintf(out, "#include <stddef.h>\nconst char %s[] = {\n", argv[1]);
	while ((c = getc(in)) != EOF) {
		fprintf(out, "%s(char)0x%02x,", col == 0 ? "\t" : " ", (unsigned)c);
		if (++col == 12) {
			fputc('\n', out);
			col = 0;
		}
		n++;
	}
	fprintf(out, "%s0x00\n};\nconst size_t %s_len = %ld;\n", col ? " " : "\t", argv[1], n);
	fclose(in);
	return fclose(out) == 0 ? 0 : 74;
}
