# Translations of the desktop application: every tr() string of ui/ and app/ (lupdate scans those
# folders), compiled by lrelease and embedded under :/i18n in the given target.
#   cmake --build <build> --target ulmfit-gui-lib_lupdate   # refresh the .ts files from the sources
function(ulmfit_add_translations target)
    file(GLOB_RECURSE tr_sources CONFIGURE_DEPENDS
        ${CMAKE_SOURCE_DIR}/ui/*.cpp ${CMAKE_SOURCE_DIR}/ui/*.h
        ${CMAKE_SOURCE_DIR}/app/gui/*.cpp ${CMAKE_SOURCE_DIR}/app/gui/*.h
        ${CMAKE_SOURCE_DIR}/app/bridge/*.cpp)
    file(GLOB ts_files ${CMAKE_SOURCE_DIR}/translations/ulmfit-studio_*.ts)
    qt_add_translations(${target}
        TS_FILES ${ts_files}
        SOURCES ${tr_sources}
        RESOURCE_PREFIX /i18n
        LUPDATE_OPTIONS -no-obsolete -locations none)
endfunction()
