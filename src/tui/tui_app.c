/* tui_app.c - tui_main(): the console as main() starts it.
 *
 * main() resolves the desk and the config for both modes (struct app,
 * cli.h); the console takes them from there so both modes open the same
 * desk the same way. A missing desk is created, as on a first run.
 */
#include "coselldesk/cli.h"
#include "coselldesk/tui.h"

int tui_main(struct app *app)
{
	struct tui_options opt = { 0 };
	int status = 0;

	opt.settings = app_settings(app, &status);
	if (!opt.settings)
		return status;
	opt.store = app_store(app, 1, &status);
	if (!opt.store)
		return status;
	opt.theme_name = app->theme_name;
	return tui_run(&opt);
}
