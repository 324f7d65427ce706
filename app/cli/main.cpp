// ulmfit: the headless front end of the ULMFiT Studio engine.
#include "CommandRegistry.h"

#include "core/BlasKernels.h"
#include "core/Error.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

int main(int argc, char** argv) {
    ulmfit::restartWithBestBlasKernels(argv); // before anything else: it may exec this binary again
    // stdout carries command output (tokens, tables, predictions); diagnostics go to stderr.
    spdlog::set_default_logger(spdlog::stderr_color_mt("ulmfit"));
    CLI::App app{"ulmfit - fastai-style ULMFiT (AWD-LSTM) text classification, headless"};
    app.require_subcommand(1);
    ulmfit::cli::addRegisteredCommands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const ulmfit::Cancelled&) {
        std::cerr << "ulmfit: cancelled\n";
        return 130;
    } catch (const std::exception& e) {
        std::cerr << "ulmfit: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
